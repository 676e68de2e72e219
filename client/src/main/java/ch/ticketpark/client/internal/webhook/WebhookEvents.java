package ch.ticketpark.client.internal.webhook;

import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.inject.Inject;

import ch.ticketpark.client.internal.Messages;
import ch.ticketpark.client.internal.observe.Observers;
import ch.ticketpark.client.webhook.TicketparkWebhook;

/**
 * Fires a webhook's event to the synchronous observers, in a request context of its own (as a request to the
 * application would have), then to the asynchronous ones on the given executor. An observer's exception is logged
 * ({@code TPC0405}) and never reaches the worker.
 */
@ApplicationScoped
class WebhookEvents {

    private static final Logger LOG = Logger.getLogger(WebhookEvents.class.getName());

    private final Event<TicketparkWebhook> events;

    @Inject
    WebhookEvents(Event<TicketparkWebhook> events) {
        this.events = events;
    }

    /** For the CDI client proxy only. */
    protected WebhookEvents() {
        this(null);
    }

    /** @param async the executor of the asynchronous observers; {@code null} for the container's default */
    @ActivateRequestContext
    public void fire(TicketparkWebhook webhook, Executor async) {
        try {
            events.fire(webhook);
        } catch (Throwable e) {
            // an observer's Error (a class it misses, an assertion) is its own: the event reached it, the delivery
            // is done with; not so a JVM out of memory
            Observers.rethrowIfFatal(e);
            LOG.warning(Messages.webhookObserverFailed(webhook.type(), unwrapped(e)));
        } finally {
            fireAsync(webhook, async);
        }
    }

    /** Failures are logged, never thrown: the synchronous observers ran, the delivery is done with. */
    private void fireAsync(TicketparkWebhook webhook, Executor async) {
        try {
            (async == null
                    ? events.fireAsync(webhook)
                    : events.fireAsync(webhook, NotificationOptions.ofExecutor(async)))
                    .whenComplete((fired, failure) -> {
                        if (failure != null) {
                            asyncFailed(webhook, unwrapped(failure));
                        }
                    });
        } catch (RuntimeException e) {
            asyncFailed(webhook, e); // the executor refused the notification
        }
    }

    private static void asyncFailed(TicketparkWebhook webhook, Throwable failure) {
        LOG.warning(Messages.webhookObserverFailed(webhook.type() + " (async)", failure));
    }

    /** An asynchronous failure comes as a {@code CompletionException}: each observer's exception is suppressed in it. */
    private static Throwable unwrapped(Throwable failure) {
        if (failure instanceof CompletionException completion) {
            return completion.getSuppressed().length > 0
                    ? completion.getSuppressed()[0]
                    : completion.getCause() != null ? completion.getCause() : completion;
        }
        return failure;
    }
}
