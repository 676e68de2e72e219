package ch.ticketpark.client.internal.rest;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.inject.spi.CDI;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

import ch.ticketpark.client.Ticketpark;
import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.exception.TicketparkConfigurationException;
import ch.ticketpark.client.internal.Messages;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.config.TicketparkExtension;

/**
 * Registers the library's providers on every REST client whose interface is registered with config key
 * {@value Ticketpark#CONFIG_KEY}, the library's own and the application's, without {@code @RegisterProvider}: the
 * {@link BearerTokenFilter}, the {@link QueryHeaderFilter}, the {@link TicketparkResponseFilter} and the
 * {@link TicketparkResponseExceptionMapper}. Other clients are left alone. Registered as a
 * {@code java.util.ServiceLoader} service.
 * <p>
 * A Ticketpark client never follows redirects: the filter runs once per request, so a redirect followed by the HTTP
 * engine would carry the {@code Authorization} header to whatever host the {@code Location} header names. The
 * listener switches following off, and refuses a client whose configuration
 * ({@code <interface>/mp-rest/followRedirects} or {@code ticketpark/mp-rest/followRedirects}) switches it on again.
 */
public final class TicketparkRestClientListener implements RestClientListener {

    private final Function<String, Optional<String>> config;

    public TicketparkRestClientListener() {
        this(key -> ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader())
                .getOptionalValue(key, String.class));
    }

    public TicketparkRestClientListener(Function<String, Optional<String>> config) {
        this.config = config;
    }

    @Override
    public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
        RegisterRestClient registration = serviceInterface.getAnnotation(RegisterRestClient.class);
        if (registration == null || !Ticketpark.CONFIG_KEY.equals(registration.configKey())
                || builder.getConfiguration().getInstances().stream().anyMatch(BearerTokenFilter.class::isInstance)) {
            return;
        }
        for (String key : new String[]{serviceInterface.getName() + "/mp-rest/followRedirects",
                TicketparkConfig.FOLLOW_REDIRECTS}) {
            if (config.apply(key).map(String::strip).filter("true"::equalsIgnoreCase).isPresent()) {
                throw new TicketparkConfigurationException(Messages.followRedirectsRefused(key), List.of(key));
            }
        }
        builder.followRedirects(false);
        Lazy lazy = new Lazy();
        register(builder, lazy::tokens, lazy::apiUrl);
    }

    /**
     * Registers the providers with the given tokens and API URL; a builder that has them already is left alone by the
     * listener (tests register their own).
     */
    public static void register(RestClientBuilder builder, Supplier<TicketparkTokens> tokens, Supplier<URI> apiUrl) {
        builder.register(new BearerTokenFilter(tokens, apiUrl));
        builder.register(new QueryHeaderFilter());
        builder.register(new TicketparkResponseFilter(tokens));
        builder.register(new TicketparkResponseExceptionMapper());
    }

    /** Looks the token bean and the configuration up on first use: the listener runs before CDI may answer. */
    private static final class Lazy {

        private volatile TicketparkTokens tokens;
        private volatile URI apiUrl;

        TicketparkTokens tokens() {
            TicketparkTokens found = tokens;
            if (found == null) {
                found = CDI.current().select(TicketparkTokens.class).get();
                tokens = found;
            }
            return found;
        }

        URI apiUrl() {
            URI found = apiUrl;
            if (found == null) {
                TicketparkConfig loaded = CDI.current().getBeanManager().getExtension(TicketparkExtension.class)
                        .config();
                found = loaded.apiUrl();
                apiUrl = found;
            }
            return found;
        }
    }
}
