package ch.ticketpark.client.internal.token;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.internal.config.TicketparkExtension;
import ch.ticketpark.client.internal.observe.EventDispatcher;
import ch.ticketpark.client.spi.TokenStore;

/**
 * Produces the application's one {@link TokenManager}, exposed as {@link TicketparkTokens}.
 */
@Dependent
public class TicketparkProducer {

    private final TicketparkExtension extension;
    private final Instance<TokenStore> stores;
    private final ManagedThreads threads;
    private final Event<Object> events;

    @Inject
    TicketparkProducer(TicketparkExtension extension, Instance<TokenStore> stores, ManagedThreads threads,
            Event<Object> events) {
        this.extension = extension;
        this.stores = stores;
        this.threads = threads;
        this.events = events;
    }

    @Produces
    @ApplicationScoped
    @Typed({TicketparkTokens.class, TokenFeedback.class})
    TokenManager tokenManager() {
        TokenStore store = stores.isUnsatisfied() ? TokenStores.configured(extension.config()) : stores.get();
        TokenThreads executor = new TokenThreads(threads.factory());
        TokenManager manager = new TokenManager(extension.config(), Clock.systemUTC(), executor, store,
                new EventDispatcher(executor, new CdiEvents(events)));
        extension.forgetSecrets();
        return manager;
    }

    void close(@Disposes TicketparkTokens tokens) {
        ((TokenManager) tokens).close();
    }
}
