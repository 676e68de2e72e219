package ch.ticketpark.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that moves the test clock instead of sleeping, and remembers every delay. */
final class RecordingSleeper implements Sleeper {

    private final MutableClock clock;
    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration delay) {
        delays.add(delay);
        clock.advance(delay);
    }

    List<Duration> delays() {
        return delays;
    }
}
