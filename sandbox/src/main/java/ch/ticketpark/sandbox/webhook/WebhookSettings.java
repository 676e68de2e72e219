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

    /**
     * The settings of a configured value: none when it is {@code null} or blank.
     *
     * @throws IllegalArgumentException naming the key, not the value (it holds a secret), if it is no absolute
     *         {@code http(s)} URL
     */
    public static WebhookSettings of(String configured) {
        if (configured == null || configured.isBlank()) {
            return defaults();
        }
        try {
            return new WebhookSettings(CallbackUrl.parse(configured.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(WEBHOOK_URL + " must be an absolute http(s) URL");
        }
    }
}
