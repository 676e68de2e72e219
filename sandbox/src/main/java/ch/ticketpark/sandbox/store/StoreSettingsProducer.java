package ch.ticketpark.sandbox.store;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.Config;

/**
 * Reads {@link StoreSettings} from MicroProfile Config.
 */
@ApplicationScoped
public class StoreSettingsProducer {

    @Produces
    public StoreSettings settings(Config config) {
        return new StoreSettings(Duration.ofSeconds(config
                .getOptionalValue(StoreSettings.UNCONFIRMED_BOOKING_LIFETIME, Long.class)
                .orElse(StoreSettings.DEFAULT_UNCONFIRMED_BOOKING_LIFETIME)));
    }
}
