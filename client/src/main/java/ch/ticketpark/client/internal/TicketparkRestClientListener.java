package ch.ticketpark.client.internal;

import java.util.function.Supplier;

import jakarta.enterprise.inject.spi.CDI;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

import ch.ticketpark.client.Ticketpark;
import ch.ticketpark.client.TicketparkTokens;

/**
 * Registers the library's providers on every REST client whose interface is registered with config key
 * {@value Ticketpark#CONFIG_KEY}, the library's own and the application's, without {@code @RegisterProvider}: the
 * {@link BearerTokenFilter}, the {@link QueryHeaderFilter}, the {@link TicketparkResponseFilter} and the
 * {@link TicketparkResponseExceptionMapper}. Other clients are left alone. Registered as a
 * {@code java.util.ServiceLoader} service.
 */
public final class TicketparkRestClientListener implements RestClientListener {

    @Override
    public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
        RegisterRestClient registration = serviceInterface.getAnnotation(RegisterRestClient.class);
        if (registration != null && Ticketpark.CONFIG_KEY.equals(registration.configKey())
                && builder.getConfiguration().getInstances().stream().noneMatch(BearerTokenFilter.class::isInstance)) {
            register(builder, new LazyTokens());
        }
    }

    /**
     * Registers the providers with the given tokens; a builder that has them already is left alone by the listener.
     */
    static void register(RestClientBuilder builder, Supplier<TicketparkTokens> tokens) {
        builder.register(new BearerTokenFilter(tokens));
        builder.register(new QueryHeaderFilter());
        builder.register(new TicketparkResponseFilter(tokens));
        builder.register(new TicketparkResponseExceptionMapper());
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
