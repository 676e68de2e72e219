package ch.ticketpark.sandbox.store;

import java.util.Arrays;

/**
 * The {@code _comp} operators of a filter condition.
 */
public enum Comparison {

    EQ("eq"), GT("gt"), GTE("gte"), LT("lt"), LTE("lte"), NEQ("neq"), IS_NULL("isNull"), IS_NOT_NULL("isNotNull");

    private final String label;

    Comparison(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the condition needs a {@code _value}. */
    public boolean takesValue() {
        return this != IS_NULL && this != IS_NOT_NULL;
    }

    public static Comparison of(String label) {
        return Arrays.stream(values())
                .filter(comparison -> comparison.label.equals(label))
                .findFirst()
                .orElseThrow(() -> StoreException.invalid("Unknown _comp '" + label
                        + "': use eq, gt, gte, lt, lte, neq, isNull or isNotNull"));
    }
}
