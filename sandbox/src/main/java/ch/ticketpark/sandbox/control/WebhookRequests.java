package ch.ticketpark.sandbox.control;

import java.io.StringReader;
import java.net.URI;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import ch.ticketpark.sandbox.webhook.CallbackUrl;
import ch.ticketpark.sandbox.webhook.Webhook;
import ch.ticketpark.sandbox.webhook.WebhookFault;

/**
 * Reads the bodies of the webhook requests of the control plane; each problem an {@link IllegalArgumentException}
 * whose message the 400 answer carries (never the URL: it holds the receiver's secret).
 */
final class WebhookRequests {

    private WebhookRequests() {
    }

    /** {@code {"url": "http(s)://..."}}. */
    static URI callback(String body) {
        JsonValue url = object(body).get("url");
        if (!(url instanceof JsonString text)) {
            throw new IllegalArgumentException("url is required, as a string");
        }
        return CallbackUrl.parse(text.getString());
    }

    /** {@code {"type": "...", "payload": {...}}}: any type, any payload object, taken as it is. */
    static Webhook webhook(String body) {
        JsonObject json = object(body);
        if (!(json.get("type") instanceof JsonString type)) {
            throw new IllegalArgumentException("type is required, as a string");
        }
        if (!(json.get("payload") instanceof JsonObject payload)) {
            throw new IllegalArgumentException("payload is required, as a JSON object");
        }
        return new Webhook(type.getString(), payload);
    }

    /** {@code {"type","count","copies","delayMillis"}}. */
    static WebhookFault fault(String body) {
        return WebhookFault.fromJson(object(body));
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
    }
}
