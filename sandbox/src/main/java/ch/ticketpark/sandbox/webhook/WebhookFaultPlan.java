package ch.ticketpark.sandbox.webhook;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The webhook faults armed for the coming deliveries, in the order they were armed: the first one applies to the next
 * {@code count} deliveries, then the next one takes over. Apart from the HTTP faults of the {@code fault} package.
 * Thread-safe (synchronized).
 */
@ApplicationScoped
public class WebhookFaultPlan {

    private final Deque<Armed> queue = new ArrayDeque<>();
    private long injected;

    public synchronized void arm(WebhookFault fault) {
        queue.addLast(new Armed(fault, fault.count()));
    }

    /** The fault for the next delivery, if it gets one, counting it as used. */
    public synchronized Optional<WebhookFault> take() {
        Armed head = queue.pollFirst();
        if (head == null) {
            return Optional.empty();
        }
        if (head.remaining() > 1) {
            queue.addFirst(new Armed(head.fault(), head.remaining() - 1));
        }
        injected++;
        return Optional.of(head.fault());
    }

    /** The faults still armed, with the deliveries they still affect, in the order they apply. */
    public synchronized List<Armed> armed() {
        return List.copyOf(queue);
    }

    /** How many deliveries got a fault since the last {@link #clear()}. */
    public synchronized long injected() {
        return injected;
    }

    public synchronized void clear() {
        queue.clear();
        injected = 0;
    }

    /** A fault and the number of deliveries it still affects. */
    public record Armed(WebhookFault fault, int remaining) {
    }
}
