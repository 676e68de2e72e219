package ch.ticketpark.sandbox.store;

import java.util.Objects;
import java.util.Set;

/**
 * One field of a collection.
 *
 * @param name the JSON name
 * @param type the value type
 * @param required whether a create must carry it (and a patch must not null it)
 * @param target for {@link FieldType#REFERENCE} and {@link FieldType#REFERENCES}: the referenced collection
 * @param defaultValue the stored value when a create omits it, or {@code null}
 * @param choices the only accepted values of a {@link FieldType#STRING}, or empty for any
 */
public record Field(String name, FieldType type, boolean required, String target, Object defaultValue,
        Set<String> choices) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = Set.copyOf(choices);
        boolean reference = type == FieldType.REFERENCE || type == FieldType.REFERENCES;
        if (reference != (target != null)) {
            throw new IllegalArgumentException(name + ": a target goes with reference types only");
        }
    }

    static Field required(String name, FieldType type) {
        return new Field(name, type, true, null, null, Set.of());
    }

    static Field optional(String name, FieldType type) {
        return new Field(name, type, false, null, null, Set.of());
    }

    static Field optional(String name, FieldType type, Object defaultValue) {
        return new Field(name, type, false, null, defaultValue, Set.of());
    }

    static Field reference(String name, String target) {
        return new Field(name, FieldType.REFERENCE, true, target, null, Set.of());
    }

    static Field references(String name, String target, boolean required) {
        return new Field(name, FieldType.REFERENCES, required, target, null, Set.of());
    }

    static Field choice(String name, String... choices) {
        return new Field(name, FieldType.STRING, true, null, null, Set.of(choices));
    }

    public boolean isReference() {
        return target != null;
    }
}
