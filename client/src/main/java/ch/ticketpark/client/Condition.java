package ch.ticketpark.client;

import java.util.Objects;

/**
 * One comparison of a field filter: {@code filters[field][_comp]=gt&filters[field][_value]=…}. Create it with the
 * static factories and pass it to {@link Query#filter(String, Condition)}:
 *
 * <pre>
 * Query.page(0, 50).filter("updated", Condition.gt(LocalDateTime.of(2014, 1, 1, 0, 0)))
 * </pre>
 *
 * @param comparison the comparison operator
 * @param value the value to compare with; {@code null} for {@link Comparison#IS_NULL} and
 *        {@link Comparison#IS_NOT_NULL}
 */
public record Condition(Comparison comparison, Object value) {

    /** The comparison operators of the API ({@code _comp}). */
    public enum Comparison {

        EQ("eq"), NEQ("neq"), GT("gt"), GTE("gte"), LT("lt"), LTE("lte"), IS_NULL("isNull"), IS_NOT_NULL("isNotNull");

        private final String code;

        Comparison(String code) {
            this.code = code;
        }

        /**
         * @return the operator as the API spells it, such as {@code gte} or {@code isNull}
         */
        public String code() {
            return code;
        }

        boolean takesValue() {
            return this != IS_NULL && this != IS_NOT_NULL;
        }
    }

    public Condition {
        Objects.requireNonNull(comparison, "comparison");
        if (comparison.takesValue() && value == null) {
            throw new IllegalArgumentException(comparison.code() + " needs a value");
        }
        if (!comparison.takesValue() && value != null) {
            throw new IllegalArgumentException(comparison.code() + " takes no value");
        }
    }

    public static Condition eq(Object value) {
        return new Condition(Comparison.EQ, value);
    }

    public static Condition neq(Object value) {
        return new Condition(Comparison.NEQ, value);
    }

    public static Condition gt(Object value) {
        return new Condition(Comparison.GT, value);
    }

    public static Condition gte(Object value) {
        return new Condition(Comparison.GTE, value);
    }

    public static Condition lt(Object value) {
        return new Condition(Comparison.LT, value);
    }

    public static Condition lte(Object value) {
        return new Condition(Comparison.LTE, value);
    }

    public static Condition isNull() {
        return new Condition(Comparison.IS_NULL, null);
    }

    public static Condition isNotNull() {
        return new Condition(Comparison.IS_NOT_NULL, null);
    }
}
