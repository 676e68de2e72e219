package ch.ticketpark.client.internal.webhook;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.HexFormat;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import ch.ticketpark.client.internal.config.TicketparkConfig;

/**
 * One webhook as received, {@code {"type":…,"payload":{…}}}: its type and payload. Two deliveries are equal when
 * their type and payload are, whatever the order of the payload's fields or the blanks between them: that is what the
 * deduplication compares, through {@link #key()}.
 * <p>
 * It keeps the payload as compact JSON text with its members sorted, not as parsed objects, which can take twenty
 * times the memory of their text: a delivery that waits takes no more than its body did.
 */
final class Delivery {

    /** The largest body read; a larger one is refused. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final String type;
    /** The payload, written with its members sorted at every level and without blanks. */
    private final String payload;
    private final String key;

    /**
     * @param type the type, such as {@code new-booking}
     * @param payload the payload; empty if the webhook has none
     */
    Delivery(String type, JsonObject payload) {
        this.type = Objects.requireNonNull(type, "type");
        StringBuilder sorted = new StringBuilder();
        sortedJson(Objects.requireNonNull(payload, "payload"), sorted);
        this.payload = sorted.toString();
        this.key = HexFormat.of().formatHex(TicketparkConfig.sha256(type + "\n" + this.payload));
    }

    /** @return the type, such as {@code new-booking}: letters, digits and {@code -_.}, at most 64 characters */
    String type() {
        return type;
    }

    /** @return the payload, parsed anew on each call (on a worker, where it is read once) */
    JsonObject payload() {
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            return reader.readObject();
        }
    }

    /**
     * @return what tells this delivery from others: a SHA-256 digest of the type and the sorted payload, in hex, which
     *         the deduplication keeps instead of the delivery
     */
    String key() {
        return key;
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

    /** The webhook as JSON, {@code {"type":…,"payload":…}}, the payload's members sorted. */
    String json() {
        return "{\"type\":" + Json.createValue(type) + ",\"payload\":" + payload + "}";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Delivery delivery && delivery.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    /** The type only: a payload may hold personal data. */
    @Override
    public String toString() {
        return "Delivery[" + type + "]";
    }

    private static void sortedJson(JsonValue value, StringBuilder json) {
        if (value instanceof JsonObject object) {
            json.append('{');
            String separator = "";
            for (String name : new TreeSet<>(object.keySet())) {
                json.append(separator).append(Json.createValue(name)).append(':');
                sortedJson(object.get(name), json);
                separator = ",";
            }
            json.append('}');
        } else if (value instanceof JsonArray array) {
            json.append('[');
            String separator = "";
            for (JsonValue element : array) {
                json.append(separator);
                sortedJson(element, json);
                separator = ",";
            }
            json.append(']');
        } else {
            json.append(value); // a string (escaped as JSON), a number as written, true, false, null
        }
    }

    /** A body that is no webhook: answered with HTTP 400. */
    static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why, null, false, false);
        }
    }
}
