package ch.ticketpark.client.internal;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;

import org.eclipse.microprofile.config.ConfigProvider;

import ch.ticketpark.client.TicketparkConfigurationException;

/**
 * Reads and validates the configuration while the application deploys, so that a missing or invalid key fails the
 * deployment with a message naming it instead of failing the first API call.
 */
public class TicketparkExtension implements Extension {

    private volatile TicketparkConfig config;

    void validate(@Observes AfterDeploymentValidation event) {
        try {
            config = TicketparkConfig.load(ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader()));
        } catch (TicketparkConfigurationException e) {
            event.addDeploymentProblem(e);
        }
    }

    /**
     * @return the configuration validated at deployment; without its secrets once {@link #forgetSecrets()} ran
     */
    TicketparkConfig config() {
        return config;
    }

    /** Drops this extension's references to the secrets, once the token manager holds what it needs. */
    void forgetSecrets() {
        TicketparkConfig held = config;
        if (held != null) {
            config = held.withoutSecrets();
        }
    }
}
