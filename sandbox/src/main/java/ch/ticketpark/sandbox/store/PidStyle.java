package ch.ticketpark.sandbox.store;

import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.random.RandomGenerator;

import jakarta.json.Json;
import jakarta.json.JsonValue;

/**
 * How the pids of a collection look. Pids are stored as strings whatever their style.
 */
public enum PidStyle {

    /** 16 lower-case hex digits, such as {@code 6445cdbe3e9509e8}. */
    HEX,
    /** 12 digits, written as a JSON number (bookings: {@code 293233446073}). */
    NUMBER,
    /** An upper-case UUID (persons). */
    UUID_UPPER;

    private static final long NUMBER_MIN = 100_000_000_000L;
    private static final long NUMBER_RANGE = 900_000_000_000L;

    String next(RandomGenerator random) {
        return switch (this) {
            case HEX -> HexFormat.of().toHexDigits(random.nextLong());
            case NUMBER -> Long.toString(NUMBER_MIN + random.nextLong(NUMBER_RANGE));
            case UUID_UPPER -> new UUID(random.nextLong(), random.nextLong()).toString().toUpperCase(Locale.ROOT);
        };
    }

    /** The pid as the API writes it. */
    public JsonValue toJson(String pid) {
        return this == NUMBER ? Json.createValue(Long.parseLong(pid)) : Json.createValue(pid);
    }

    /** {@code 2932-3344-6073} for {@code 293233446073}; only meaningful for {@link #NUMBER}. */
    public static String readable(String pid) {
        return pid.substring(0, 4) + '-' + pid.substring(4, 8) + '-' + pid.substring(8);
    }
}
