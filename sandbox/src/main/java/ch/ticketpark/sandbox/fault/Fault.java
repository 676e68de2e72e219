package ch.ticketpark.sandbox.fault;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Set;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A fault to inject into {@code count} requests of a target: the next ones in a row, or with {@code every} each
 * {@code every}-th, and with {@code grantType} only token requests of that grant type (see {@link FaultPlan}).
 *
 * @param target the token endpoint or the API
 * @param type what goes wrong
 * @param count how many requests it affects (at least 1)
 * @param status the HTTP status of {@link FaultType#STATUS} (400-599), {@link FaultType#HTML} (default 200) and
 *        {@link FaultType#REDIRECT} (300-399, default 302)
 * @param delayMillis the wait of {@link FaultType#DELAY} (0-60000)
 * @param retryAfterSeconds the {@code Retry-After} of {@link FaultType#STATUS}, or {@code null} for none
 * @param every it affects every {@code every}-th request it selects (at least 1; 1: each one)
 * @param grantType {@code password} or {@code refresh_token}: it selects only token requests with that
 *        {@code grant_type}; {@code null}: every request of the target
 * @param location the {@code Location} of {@link FaultType#REDIRECT}: an absolute {@code http(s)} URL
 */
public record Fault(FaultTarget target, FaultType type, int count, Integer status, Long delayMillis,
        Integer retryAfterSeconds, int every, String grantType, String location) {

    static final long MAX_DELAY_MILLIS = 60_000;
    static final Set<String> GRANT_TYPES = Set.of("password", "refresh_token");

    /** A fault on the next {@code count} requests of its target in a row. */
    public Fault(FaultTarget target, FaultType type, int count, Integer status, Long delayMillis,
            Integer retryAfterSeconds) {
        this(target, type, count, status, delayMillis, retryAfterSeconds, 1, null);
    }

    /** A fault without a {@code Location}: every type but {@link FaultType#REDIRECT}. */
    public Fault(FaultTarget target, FaultType type, int count, Integer status, Long delayMillis,
            Integer retryAfterSeconds, int every, String grantType) {
        this(target, type, count, status, delayMillis, retryAfterSeconds, every, grantType, null);
    }

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
        require(every >= 1, "every must be at least 1");
        require(grantType == null || GRANT_TYPES.contains(grantType),
                "grantType must be password or refresh_token, not " + grantType);
        require(grantType == null || target == FaultTarget.TOKEN, "grantType applies to the token target only");
        require(type != FaultType.REDIRECT || location != null, "redirect needs a location");
        require(type == FaultType.REDIRECT || location == null, "location applies to redirect only");
        require(type != FaultType.REDIRECT || status == null || (status >= 300 && status <= 399),
                "the status of a redirect must be between 300 and 399");
        require(location == null || isAbsoluteHttpUrl(location), "location must be an absolute http(s) URL");
    }

    /** The status to answer: {@code status}, or the type's default (302 for a redirect, 200 for an HTML page). */
    public int statusOr(int fallback) {
        return status == null ? fallback : status;
    }

    /** Whether a request of the target with this {@code grant_type} ({@code null}: none) is one this fault counts. */
    public boolean selects(String requestGrantType) {
        return grantType == null || grantType.equals(requestGrantType);
    }

    /**
     * Reads
     * {@code {"target","type","count","status","delayMillis","retryAfterSeconds","every","grantType","location"}};
     * {@code count} and {@code every} default to 1.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Fault fromJson(JsonObject json) {
        Integer count = integer(json, "count");
        Integer every = integer(json, "every");
        Long delay = json.get("delayMillis") instanceof JsonNumber number ? number.longValue() : null;
        return new Fault(FaultTarget.of(text(json, "target")), FaultType.of(text(json, "type")),
                count == null ? 1 : count, integer(json, "status"), delay, integer(json, "retryAfterSeconds"),
                every == null ? 1 : every, optionalText(json, "grantType"), optionalText(json, "location"));
    }

    private static boolean isAbsoluteHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String text(JsonObject json, String name) {
        String text = optionalText(json, name);
        if (text == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return text;
    }

    private static String optionalText(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw new IllegalArgumentException(name + " must be a string");
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
