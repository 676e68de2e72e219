package ch.ticketpark.sandbox.webhook;

import java.net.URI;

import jakarta.json.JsonObject;

/**
 * A delivery to be sent, with its fault applied: the URL (the secret in clear: never shown) and the payload as they
 * go out.
 *
 * @param fault the label of the fault applied, or {@code null}
 */
record Attempt(String type, JsonObject payload, URI url, String fault) {

    String body() {
        return new Webhook(type, payload).toJson().toString();
    }
}
