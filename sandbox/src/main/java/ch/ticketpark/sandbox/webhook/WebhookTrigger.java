package ch.ticketpark.sandbox.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import ch.ticketpark.sandbox.store.ResourceStore;
import ch.ticketpark.sandbox.store.Schema;
import ch.ticketpark.sandbox.store.StoreChanges;

/**
 * Hears the store's changes ({@link StoreChanges}, inside the store's lock) and hands the webhooks they send
 * ({@link WebhookMapping}) to the {@link WebhookSender}, which only queues them.
 */
@ApplicationScoped
public class WebhookTrigger {

    private final ResourceStore store;
    private final WebhookSender sender;

    @Inject
    public WebhookTrigger(ResourceStore store, WebhookSender sender) {
        this.store = store;
        this.sender = sender;
    }

    /** For the CDI client proxy only. */
    protected WebhookTrigger() {
        this(null, null);
    }

    void changed(@Observes StoreChanges changes) {
        // the store's lock is held by this thread: peek re-enters it
        WebhookMapping.webhooks(changes, booking -> store.peek(Schema.BOOKINGS, booking)
                .map(WebhookMapping::confirmed).orElse(false)).forEach(sender::enqueue);
    }
}
