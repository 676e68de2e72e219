package ch.ticketpark.client.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.ticketpark.client.internal.resilience.Sleeper;

/** A sleeper that moves the test clock instead of sleeping, and remembers every delay. */
public final class RecordingSleeper implements Sleeper {

    private final MutableClock clock;
    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    public RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration delay) {
        delays.add(delay);
        clock.advance(delay);
    }

    public List<Duration> delays() {
        return delays;
    }
}
