package ch.ticketpark.client.internal.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deliveries seen within the window, so that the same one again fires no second event. At most
 * {@value #MAX_REMEMBERED} are remembered: beyond that the oldest is forgotten early, which bounds the memory a flood
 * of distinct deliveries can take (each is remembered by its {@linkplain Delivery#key() digest}, a hundred bytes or
 * so). The {@link WebhookInbox} keeps the deliveries it has not finished with apart, so that none of them is
 * forgotten early. Not thread-safe: the {@link WebhookInbox} calls it under its lock.
 */
final class Deduplication {

    static final int MAX_REMEMBERED = 10_000;

    private final Clock clock;
    private final Duration window;
    /** Each delivery's key (a digest, not the delivery) and when it was first seen, oldest first. */
    private final Map<String, Instant> seen = new LinkedHashMap<>();

    Deduplication(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    /** @return whether the delivery was seen within the window; if not, it is remembered from now on */
    boolean seenBefore(Delivery delivery) {
        Instant now = clock.instant();
        forgetOlderThan(now.minus(window));
        if (seen.containsKey(delivery.key())) {
            return true;
        }
        if (seen.size() >= MAX_REMEMBERED) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        seen.put(delivery.key(), now);
        return false;
    }

    /** @return whether the delivery was seen within the window; remembers nothing new */
    boolean remembers(Delivery delivery) {
        forgetOlderThan(clock.instant().minus(window));
        return seen.containsKey(delivery.key());
    }

    /** The delivery counts as not seen, as when it could not be processed: the same one again will be. */
    void forget(Delivery delivery) {
        seen.remove(delivery.key());
    }

    int size() {
        return seen.size();
    }

    private void forgetOlderThan(Instant limit) {
        Iterator<Instant> oldestFirst = seen.values().iterator();
        while (oldestFirst.hasNext() && !oldestFirst.next().isAfter(limit)) {
            oldestFirst.remove();
        }
    }
}
