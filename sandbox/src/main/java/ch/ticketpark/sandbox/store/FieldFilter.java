package ch.ticketpark.sandbox.store;

import java.util.List;

/**
 * The conditions on one field, or on a field of a referenced record ({@code [customer, lastname]}).
 *
 * @param path the field, followed by fields of referenced records
 * @param anyOf {@code true} for {@code _logic=OR} (one condition suffices), {@code false} for all of them
 * @param conditions the conditions, in index order
 */
public record FieldFilter(List<String> path, boolean anyOf, List<Condition> conditions) {

    public FieldFilter {
        path = List.copyOf(path);
        conditions = List.copyOf(conditions);
    }
}
