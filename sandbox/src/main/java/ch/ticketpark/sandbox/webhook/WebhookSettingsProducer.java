package ch.ticketpark.sandbox.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.Config;

/**
 * Reads {@link WebhookSettings} from MicroProfile Config; a value that is no absolute {@code http(s)} URL fails the
 * deployment, with a message that names the key and not the value (it holds a secret).
 */
@ApplicationScoped
public class WebhookSettingsProducer {

    @Produces
    public WebhookSettings settings(Config config) {
        return WebhookSettings.of(config.getOptionalValue(WebhookSettings.WEBHOOK_URL, String.class).orElse(null));
    }
}
