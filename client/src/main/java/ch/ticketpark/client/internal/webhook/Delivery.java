package ch.ticketpark.client.internal.webhook;

import java.io.ByteArrayInputStream;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * One webhook as received, {@code {"type":…,"payload":{…}}}: its type and payload. Two deliveries are equal when
 * their type and payload are, whatever the order of the payload's fields or the blanks between them: that is what the
 * deduplication compares.
 *
 * @param type the type, such as {@code new-booking}: letters, digits and {@code -_.}, at most 64 characters
 * @param payload the payload; empty if the webhook has none
 */
record Delivery(String type, JsonObject payload) {

    /** The largest body read; a larger one is refused. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    Delivery {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * @throws Refused naming what is wrong, never quoting the body
     */
    static Delivery parse(byte[] body) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            // JsonException, or a bare RuntimeException from Parsson for input nested deeper than 1000
            throw new Refused("its body is not JSON");
        }
        if (!(value instanceof JsonObject webhook)) {
            throw new Refused("its body is not a JSON object");
        }
        if (!(webhook.get("type") instanceof JsonString type)) {
            throw new Refused("it has no type");
        }
        if (!TYPE.matcher(type.getString()).matches()) {
            throw new Refused("its type is not a word of letters, digits and '-', '_', '.' of at most 64 characters");
        }
        JsonValue payload = webhook.get("payload");
        if (payload == null || payload == JsonValue.NULL) {
            return new Delivery(type.getString(), JsonValue.EMPTY_JSON_OBJECT);
        }
        if (!(payload instanceof JsonObject object)) {
            throw new Refused("its payload is not a JSON object");
        }
        return new Delivery(type.getString(), object);
    }

    /** The webhook as JSON, {@code {"type":…,"payload":…}}. */
    String json() {
        return Json.createObjectBuilder().add("type", type).add("payload", payload).build().toString();
    }

    /** A body that is no webhook: answered with HTTP 400. */
    static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why, null, false, false);
        }
    }
}
