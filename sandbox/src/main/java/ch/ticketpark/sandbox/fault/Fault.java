package ch.ticketpark.sandbox.fault;

import java.util.Objects;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A fault to inject into the next {@code count} requests of a target.
 *
 * @param target the token endpoint or the API
 * @param type what goes wrong
 * @param count how many requests in a row it affects (at least 1)
 * @param status the HTTP status of {@link FaultType#STATUS} (400-599) and {@link FaultType#HTML} (default 200)
 * @param delayMillis the wait of {@link FaultType#DELAY} (0-60000)
 * @param retryAfterSeconds the {@code Retry-After} of {@link FaultType#STATUS}, or {@code null} for none
 */
public record Fault(FaultTarget target, FaultType type, int count, Integer status, Long delayMillis,
        Integer retryAfterSeconds) {

    static final long MAX_DELAY_MILLIS = 60_000;

    public Fault {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(type, "type");
        require(count >= 1, "count must be at least 1");
        require(!type.tokenOnly() || target == FaultTarget.TOKEN, type.label() + " applies to the token target only");
        require(type != FaultType.STATUS || status != null, "status needs a status");
        require(status == null || (status >= 200 && status <= 599), "status must be between 200 and 599");
        require(type != FaultType.DELAY || delayMillis != null, "delay needs delayMillis");
        require(delayMillis == null || (delayMillis >= 0 && delayMillis <= MAX_DELAY_MILLIS),
                "delayMillis must be between 0 and " + MAX_DELAY_MILLIS);
        require(retryAfterSeconds == null || retryAfterSeconds >= 0, "retryAfterSeconds must not be negative");
    }

    /**
     * Reads {@code {"target","type","count","status","delayMillis","retryAfterSeconds"}}; {@code count} defaults to
     * 1.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Fault fromJson(JsonObject json) {
        Integer count = integer(json, "count");
        Long delay = json.get("delayMillis") instanceof JsonNumber number ? number.longValue() : null;
        return new Fault(FaultTarget.of(text(json, "target")), FaultType.of(text(json, "type")),
                count == null ? 1 : count, integer(json, "status"), delay, integer(json, "retryAfterSeconds"));
    }

    private static String text(JsonObject json, String name) {
        if (json.get(name) instanceof JsonString text) {
            return text.getString();
        }
        throw new IllegalArgumentException(name + " is required");
    }

    private static Integer integer(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return number.intValue();
        }
        throw new IllegalArgumentException(name + " must be an integer");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
