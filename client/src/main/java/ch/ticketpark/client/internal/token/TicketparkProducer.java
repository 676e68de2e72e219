package ch.ticketpark.client.internal.token;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.internal.config.TicketparkExtension;
import ch.ticketpark.client.spi.TokenStore;

/**
 * Produces the application's one {@link TokenManager}, exposed as {@link TicketparkTokens}.
 */
@Dependent
public class TicketparkProducer {

    private final TicketparkExtension extension;
    private final Instance<TokenStore> stores;
    private final ManagedThreads threads;

    @Inject
    TicketparkProducer(TicketparkExtension extension, Instance<TokenStore> stores, ManagedThreads threads) {
        this.extension = extension;
        this.stores = stores;
        this.threads = threads;
    }

    @Produces
    @ApplicationScoped
    @Typed({TicketparkTokens.class, TokenFeedback.class})
    TokenManager tokenManager() {
        TokenStore store = stores.isUnsatisfied() ? TokenStores.configured(extension.config()) : stores.get();
        TokenManager manager = new TokenManager(extension.config(), Clock.systemUTC(),
                new TokenThreads(threads.factory()), store);
        extension.forgetSecrets();
        return manager;
    }

    void close(@Disposes TicketparkTokens tokens) {
        ((TokenManager) tokens).close();
    }
}
