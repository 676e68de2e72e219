package ch.ticketpark.client.internal.token;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

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
import ch.ticketpark.client.internal.observe.Observers;
import ch.ticketpark.client.internal.observe.TokenObserver;
import ch.ticketpark.client.internal.otel.Telemetry;
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
    private final Instance<Object> beans;

    @Inject
    TicketparkProducer(TicketparkExtension extension, Instance<TokenStore> stores, ManagedThreads threads,
            Event<Object> events, Instance<Object> beans) {
        this.extension = extension;
        this.stores = stores;
        this.threads = threads;
        this.events = events;
        this.beans = beans;
    }

    @Produces
    @ApplicationScoped
    @Typed({TicketparkTokens.class, TokenFeedback.class})
    TokenManager tokenManager() {
        TokenStore store = stores.isUnsatisfied() ? TokenStores.configured(extension.config()) : stores.get();
        TokenThreads executor = new TokenThreads(threads.factory());
        AtomicReference<TokenManager> created = new AtomicReference<>();
        TokenObserver telemetry = Telemetry.observer(beans, () -> {
            TokenManager made = created.get();
            return made == null ? null : made.status();
        });
        TokenManager manager = new TokenManager(extension.config(), Clock.systemUTC(), executor,
                TokenThreads.alarm(threads.factory()), store,
                Observers.of(new EventDispatcher(TokenThreads.eventThread(threads.factory()), new CdiEvents(events)),
                        telemetry));
        created.set(manager);
        extension.forgetSecrets();
        return manager;
    }

    void close(@Disposes TicketparkTokens tokens) {
        ((TokenManager) tokens).close();
    }
}
