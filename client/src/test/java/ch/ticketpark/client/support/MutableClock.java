package ch.ticketpark.client.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that tests move by hand, so that no test sleeps until a token expires. */
public class MutableClock extends Clock {

    private volatile Instant now = Instant.parse("2026-11-29T12:00:00Z");
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Moves the clock, then tells the listeners, in this thread. */
    public void advance(Duration duration) {
        now = now.plus(duration);
        listeners.forEach(Runnable::run);
    }

    /**
     * The time moved by {@link #advance(Duration)} only, as the system's elapsed time an alarm sleeps by: a subclass's
     * {@link #instant()} may also jump where this does not (a machine suspended).
     */
    public Instant elapsed() {
        return now;
    }

    /** Runs after each move of the clock (an alarm that keeps this clock's time). */
    public void onAdvance(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
