package ch.ticketpark.client.internal.config;

import java.util.Map;
import java.util.function.Function;

/**
 * What a key stands for when it is not set.
 *
 * @param text how the documentation shows the default
 * @param value the value read in the key's place, from the keys read before it; {@code null} for none
 */
record Default(String text, Function<Map<ConfigKey, Object>, String> value) {

    /** The key must be set. */
    static final Default REQUIRED = new Default("required", earlier -> null);
    /** The key may stay unset, and nothing takes its place. */
    static final Default NONE = new Default("—", earlier -> null);

    /** This value, read and checked as if it were configured. */
    static Default of(String value) {
        return new Default(value, earlier -> value);
    }

    /** No value takes the key's place: the code that uses it decides, as {@code text} says. */
    static Default decidedWhereUsed(String text) {
        return new Default(text, earlier -> null);
    }

    boolean required() {
        return this == REQUIRED;
    }

    /** How {@link TicketparkConfig#toString()} shows the key when it has no value. */
    String absent() {
        return this == REQUIRED || this == NONE ? "<none>" : "<default>";
    }
}
