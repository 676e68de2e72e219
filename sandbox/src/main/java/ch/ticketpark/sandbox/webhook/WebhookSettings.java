package ch.ticketpark.sandbox.webhook;

import java.net.URI;

/**
 * Where webhooks go unless the control plane says otherwise.
 *
 * @param callbackUrl MicroProfile Config {@code sandbox.webhook-url}: an absolute {@code http(s)} URL whose last path
 *        segment is the receiver's secret; {@code null} (the default): no webhook is sent
 */
public record WebhookSettings(URI callbackUrl) {

    public static final String WEBHOOK_URL = "sandbox.webhook-url";

    public static WebhookSettings defaults() {
        return new WebhookSettings(null);
    }
}
