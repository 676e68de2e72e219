package ch.ticketpark.sandbox.store;

import java.util.Objects;

/**
 * One record a request created, changed or deleted.
 *
 * @param collection the record's collection
 * @param before the record before the change; {@code null} when it was created
 * @param after the record after the change; {@code null} when it was deleted
 */
public record StoreChange(String collection, Entity before, Entity after) {

    public StoreChange {
        Objects.requireNonNull(collection, "collection");
        if (before == null && after == null) {
            throw new IllegalArgumentException("A change needs the record before it, after it or both");
        }
    }

    static StoreChange created(Entity entity) {
        return new StoreChange(entity.collection(), null, entity);
    }

    static StoreChange changed(Entity before, Entity after) {
        return new StoreChange(after.collection(), before, after);
    }

    static StoreChange deleted(Entity entity) {
        return new StoreChange(entity.collection(), entity, null);
    }

    public boolean isCreate() {
        return before == null;
    }

    public boolean isDelete() {
        return after == null;
    }

    /** The record as it is now, or as it was before it was deleted. */
    public Entity entity() {
        return after == null ? before : after;
    }
}
