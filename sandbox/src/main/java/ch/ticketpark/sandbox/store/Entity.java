package ch.ticketpark.sandbox.store;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One stored record: immutable; a change replaces it.
 *
 * @param collection the collection it belongs to
 * @param pid its pid (a string whatever the {@link PidStyle})
 * @param sequence its insertion number, the default order
 * @param created when it was created
 * @param updated when it was last changed
 * @param batchId the id of the batch create it came from, or {@code null}
 * @param batchOrder its position in that batch, or {@code null}
 * @param values the field values by name; an absent field maps to nothing
 */
public record Entity(String collection, String pid, long sequence, OffsetDateTime created, OffsetDateTime updated,
        String batchId, Long batchOrder, Map<String, Object> values) {

    /** Queryable fields every record has besides its collection's own. */
    static final Map<String, FieldType> SYSTEM_FIELDS = Map.of("pid", FieldType.STRING, "created",
            FieldType.DATETIME, "updated", FieldType.DATETIME, "batchId", FieldType.STRING, "batchOrder",
            FieldType.INTEGER);

    public Entity {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        // values may hold nulls (a field set to null), which Map.copyOf refuses
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object value(String field) {
        return switch (field) {
            case "pid" -> pid;
            case "created" -> created;
            case "updated" -> updated;
            case "batchId" -> batchId;
            case "batchOrder" -> batchOrder;
            default -> values.get(field);
        };
    }

    public String string(String field) {
        return (String) values.get(field);
    }

    public boolean flag(String field) {
        return Boolean.TRUE.equals(values.get(field));
    }

    Entity withValues(Map<String, Object> changes, OffsetDateTime now) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(changes);
        return new Entity(collection, pid, sequence, created, now, batchId, batchOrder, merged);
    }
}
