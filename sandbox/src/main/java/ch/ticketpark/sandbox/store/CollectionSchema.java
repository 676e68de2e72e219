package ch.ticketpark.sandbox.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The descriptor of one collection: its fields, its pid style, the field that leads to its owning host (for the
 * 403 rule) and the child records deleted with it.
 *
 * @param name the collection name, also its path ({@code events})
 * @param fields the writable fields, in output order
 * @param pidStyle how new pids look
 * @param ownerField the reference field that leads towards the owning host, or {@code null}
 * @param cascade the children deleted with a record
 */
public record CollectionSchema(String name, List<Field> fields, PidStyle pidStyle, String ownerField,
        List<Relation> cascade) {

    public CollectionSchema {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
        Objects.requireNonNull(pidStyle, "pidStyle");
        cascade = List.copyOf(cascade);
    }

    public Optional<Field> field(String fieldName) {
        // a handful of fields: a scan is cheaper than a map
        return fields.stream().filter(field -> field.name().equals(fieldName)).findFirst();
    }
}
