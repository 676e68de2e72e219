package ch.ticketpark.sandbox.store;

import java.util.Objects;

/**
 * One condition on a field: {@code filters[f]=v} is {@code EQ v}.
 *
 * @param comparison the operator
 * @param value the raw value, {@code null} for {@code isNull} / {@code isNotNull}
 */
public record Condition(Comparison comparison, String value) {

    public Condition {
        Objects.requireNonNull(comparison, "comparison");
        if (comparison.takesValue() && value == null) {
            throw StoreException.invalid("_comp " + comparison.label() + " needs a _value");
        }
    }
}
