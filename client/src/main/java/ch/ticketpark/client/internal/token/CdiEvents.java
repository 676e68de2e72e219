package ch.ticketpark.client.internal.token;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;

import jakarta.enterprise.event.Event;

import ch.ticketpark.client.internal.observe.Observers;

/**
 * Fires each token event as a CDI event, to the synchronous observers (in this thread) and then to the asynchronous
 * ones (on the container's executor). A synchronous observer's exception reaches the caller, the event dispatcher; an
 * asynchronous one's is logged here, once per event and exception type ({@code TPC0301}).
 */
final class CdiEvents implements Consumer<Object> {

    private static final Logger LOG = Logger.getLogger(CdiEvents.class.getName());

    private final Event<Object> events;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    CdiEvents(Event<Object> events) {
        this.events = events;
    }

    @Override
    public void accept(Object event) {
        try {
            events.fire(event);
        } finally {
            events.fireAsync(event).whenComplete((fired, failure) -> {
                if (failure != null) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    Observers.failedOnce(LOG, reported, event.getClass().getSimpleName() + " (async)", cause);
                }
            });
        }
    }
}
