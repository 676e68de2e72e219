package ch.ticketpark.client.internal.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ch.ticketpark.client.Ticketpark;
import ch.ticketpark.client.exception.TicketparkConfigurationException;

/**
 * Reads and validates the configuration while the application deploys, so that a missing or invalid key fails the
 * deployment with a message naming it instead of failing the first API call. That includes the URL keys of every
 * Ticketpark client interface of the application, the library's and its own ({@link ClientUrls}).
 */
public class TicketparkExtension implements Extension {

    private final Set<String> clientInterfaces = ConcurrentHashMap.newKeySet();
    private volatile TicketparkConfig config;

    void findClients(@Observes @WithAnnotations(RegisterRestClient.class) ProcessAnnotatedType<?> event) {
        RegisterRestClient registration = event.getAnnotatedType().getAnnotation(RegisterRestClient.class);
        if (registration != null && Ticketpark.CONFIG_KEY.equals(registration.configKey())) {
            clientInterfaces.add(event.getAnnotatedType().getJavaClass().getName());
        }
    }

    void validate(@Observes AfterDeploymentValidation event) {
        Config source = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
        try {
            config = TicketparkConfig.load(source);
        } catch (TicketparkConfigurationException e) {
            event.addDeploymentProblem(e);
        }
        try {
            ClientUrls.validate(clientInterfaces, key -> source.getOptionalValue(key, String.class));
        } catch (TicketparkConfigurationException e) {
            event.addDeploymentProblem(e);
        }
    }

    /**
     * @return the configuration validated at deployment; without its secrets once {@link #forgetSecrets()} ran
     */
    public TicketparkConfig config() {
        return config;
    }

    /** Drops this extension's references to the secrets, once the token manager holds what it needs. */
    public void forgetSecrets() {
        TicketparkConfig held = config;
        if (held != null) {
            config = held.withoutSecrets();
        }
    }
}
