package ch.ticketpark.sandbox.webhook;

import java.util.Objects;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A fault for the next {@code count} webhook deliveries (see {@link WebhookFaultPlan}).
 *
 * @param type what goes wrong
 * @param count how many deliveries it affects (at least 1)
 * @param copies how often {@link WebhookFaultType#DUPLICATE} sends a delivery (2-10), {@code null} for the others
 * @param delayMillis the wait of {@link WebhookFaultType#DELAY} (0-60000), {@code null} for the others
 */
public record WebhookFault(WebhookFaultType type, int count, Integer copies, Long delayMillis) {

    static final int DEFAULT_COPIES = 3;
    static final int MAX_COPIES = 10;
    static final long MAX_DELAY_MILLIS = 60_000;

    public WebhookFault {
        Objects.requireNonNull(type, "type");
        require(count >= 1, "count must be at least 1");
        require(type == WebhookFaultType.DUPLICATE || copies == null, "copies applies to duplicate only");
        require(type == WebhookFaultType.DELAY || delayMillis == null, "delayMillis applies to delay only");
        if (type == WebhookFaultType.DUPLICATE && copies == null) {
            copies = DEFAULT_COPIES;
        }
        require(copies == null || (copies >= 2 && copies <= MAX_COPIES), "copies must be between 2 and " + MAX_COPIES);
        require(type != WebhookFaultType.DELAY || delayMillis != null, "delay needs delayMillis");
        require(delayMillis == null || (delayMillis >= 0 && delayMillis <= MAX_DELAY_MILLIS),
                "delayMillis must be between 0 and " + MAX_DELAY_MILLIS);
    }

    /**
     * Reads {@code {"type","count","copies","delayMillis"}}; {@code count} defaults to 1, {@code copies} of a
     * duplicate to 3.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static WebhookFault fromJson(JsonObject json) {
        JsonValue type = json.get("type");
        if (!(type instanceof JsonString text)) {
            throw new IllegalArgumentException("type is required, as a string");
        }
        Long count = integer(json, "count");
        Long copies = integer(json, "copies");
        return new WebhookFault(WebhookFaultType.of(text.getString()), count == null ? 1 : small(count, "count"),
                copies == null ? null : small(copies, "copies"), integer(json, "delayMillis"));
    }

    private static Long integer(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(name + " is out of range");
            }
        }
        throw new IllegalArgumentException(name + " must be an integer");
    }

    private static int small(long value, String name) {
        require(value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE, name + " is out of range");
        return (int) value;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
