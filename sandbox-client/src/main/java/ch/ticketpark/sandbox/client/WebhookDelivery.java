package ch.ticketpark.sandbox.client;

/**
 * A webhook the sandbox delivered and got an answer or an error for ({@code GET /_sandbox/webhooks/deliveries}).
 *
 * @param id its number, from 1 since the last reset, in the order of the answers
 * @param type the webhook's type, e.g. {@code new-booking}
 * @param payloadJson the payload as sent, compact JSON, e.g. {@code {"booking_pid":293233446073}}
 * @param url where it went, with the last path segment (the receiver's secret) as {@code ****}
 * @param status the HTTP status of the answer, or {@code null} when there was none
 * @param error the class name of the error instead of an answer (e.g. {@code java.net.ConnectException}), or
 *        {@code null}
 * @param millis from the request to its answer or error
 * @param fault the webhook fault applied ({@code duplicate}, {@code delay}, {@code out_of_order},
 *        {@code wrong_secret}, {@code forged_pid}), or {@code null}
 */
public record WebhookDelivery(long id, String type, String payloadJson, String url, Integer status, String error,
        long millis, String fault) {
}
