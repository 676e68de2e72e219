package ch.ticketpark.sandbox.webhook;

import java.net.URI;

/**
 * Where webhooks go unless the control plane says otherwise.
 *
 * @param callbackUrl MicroProfile Config {@code sandbox.webhook-url}: an absolute {@code http(s)} URL whose last path
 *        segment is the receiver's secret; {@code null} (the default) or {@code off}: no webhook is sent
 */
public record WebhookSettings(URI callbackUrl) {

    public static final String WEBHOOK_URL = "sandbox.webhook-url";

    static final String OFF = "off";

    public static WebhookSettings defaults() {
        return new WebhookSettings(null);
    }

    /**
     * The settings of a configured value: none when it is {@code null}, blank or {@code off} (a server variable cannot be
     * set to nothing, so a server that must send none says {@code off}).
     *
     * @throws IllegalArgumentException naming the key, not the value (it holds a secret), if it is no absolute
     *         {@code http(s)} URL
     */
    public static WebhookSettings of(String configured) {
        if (configured == null || configured.isBlank() || configured.strip().equalsIgnoreCase(OFF)) {
            return defaults();
        }
        try {
            return new WebhookSettings(CallbackUrl.parse(configured.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(WEBHOOK_URL + " must be an absolute http(s) URL");
        }
    }
}
