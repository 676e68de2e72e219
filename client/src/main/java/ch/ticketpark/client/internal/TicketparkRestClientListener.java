package ch.ticketpark.client.internal;

import java.util.function.Supplier;

import jakarta.enterprise.inject.spi.CDI;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

import ch.ticketpark.client.Ticketpark;
import ch.ticketpark.client.TicketparkTokens;

/**
 * Registers the {@link BearerTokenFilter} on every REST client whose interface is registered with config key
 * {@value Ticketpark#CONFIG_KEY}: the library's own and the application's, without {@code @RegisterProvider}.
 * Other clients are left alone. Registered as a {@code java.util.ServiceLoader} service.
 */
public final class TicketparkRestClientListener implements RestClientListener {

    @Override
    public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
        RegisterRestClient registration = serviceInterface.getAnnotation(RegisterRestClient.class);
        if (registration != null && Ticketpark.CONFIG_KEY.equals(registration.configKey())) {
            builder.register(new BearerTokenFilter(new LazyTokens()));
        }
    }

    /** Looks the token bean up on first use: the listener runs before CDI may be able to answer. */
    private static final class LazyTokens implements Supplier<TicketparkTokens> {

        private volatile TicketparkTokens tokens;

        @Override
        public TicketparkTokens get() {
            TicketparkTokens found = tokens;
            if (found == null) {
                found = CDI.current().select(TicketparkTokens.class).get();
                tokens = found;
            }
            return found;
        }
    }
}
