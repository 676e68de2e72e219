package ch.ticketpark.sandbox.webhook;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last {@value #CAPACITY} deliveries, oldest first, and how many there were since the last {@link #clear()}.
 * Thread-safe (synchronized).
 */
final class DeliveryLog {

    static final int CAPACITY = 2000;

    private final Deque<WebhookDelivery> deliveries = new ArrayDeque<>();
    private long sent;

    /** Records an answered delivery under the next id. */
    synchronized WebhookDelivery add(Attempt attempt, Integer status, String error, long millis) {
        WebhookDelivery delivery = new WebhookDelivery(++sent, attempt.type(), attempt.payload(),
                CallbackUrl.masked(attempt.url()), status, error, millis, attempt.fault());
        if (deliveries.size() == CAPACITY) {
            deliveries.removeFirst();
        }
        deliveries.addLast(delivery);
        return delivery;
    }

    synchronized List<WebhookDelivery> all() {
        return List.copyOf(deliveries);
    }

    synchronized long sent() {
        return sent;
    }

    synchronized void clear() {
        deliveries.clear();
        sent = 0;
    }
}
