package ch.ticketpark.sandbox.webhook;

import jakarta.json.JsonObject;

/**
 * One answered delivery (or one copy of a duplicated one).
 *
 * @param id its number in the delivery log, from 1, in the order of the answers
 * @param type the webhook's type
 * @param payload the payload as sent (a forged one as forged)
 * @param url the URL it went to, masked ({@link CallbackUrl#masked(java.net.URI)})
 * @param status the HTTP status of the answer, or {@code null} when there was none
 * @param error the class name of the error instead of an answer (refused connection, time-out, ...), or {@code null}
 * @param millis from the request to its answer or error
 * @param fault the label of the {@link WebhookFaultType} applied, or {@code null}
 */
public record WebhookDelivery(long id, String type, JsonObject payload, String url, Integer status, String error,
        long millis, String fault) {
}
