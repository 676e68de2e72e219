package ch.ticketpark.sandbox;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.Config;

/**
 * Reads {@link SandboxSettings} from MicroProfile Config, falling back to the documented defaults.
 */
@ApplicationScoped
public class SandboxSettingsProducer {

    @Produces
    public SandboxSettings settings(Config config) {
        return new SandboxSettings(
                text(config, SandboxSettings.CLIENT_KEY, SandboxSettings.DEFAULT_CLIENT_KEY),
                text(config, SandboxSettings.CLIENT_SECRET, SandboxSettings.DEFAULT_CLIENT_SECRET),
                text(config, SandboxSettings.USERNAME, SandboxSettings.DEFAULT_USERNAME),
                text(config, SandboxSettings.PASSWORD, SandboxSettings.DEFAULT_PASSWORD),
                seconds(config, SandboxSettings.ACCESS_TOKEN_LIFETIME, SandboxSettings.DEFAULT_ACCESS_TOKEN_LIFETIME),
                seconds(config, SandboxSettings.REFRESH_TOKEN_LIFETIME,
                        SandboxSettings.DEFAULT_REFRESH_TOKEN_LIFETIME));
    }

    private static String text(Config config, String key, String defaultValue) {
        return config.getOptionalValue(key, String.class).orElse(defaultValue);
    }

    private static Duration seconds(Config config, String key, long defaultSeconds) {
        return Duration.ofSeconds(config.getOptionalValue(key, Long.class).orElse(defaultSeconds));
    }
}
