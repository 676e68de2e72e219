package ch.ticketpark.client.internal.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import ch.ticketpark.client.support.MutableClock;

/**
 * An alarm that keeps a {@link MutableClock}'s elapsed time: an alarm without delay rings at once, in the thread that sets it;
 * the others ring when the clock is moved past their time, in the thread that moves it. One lock around all of it, as
 * the real alarm's one thread: nothing it runs overlaps.
 */
final class ManualAlarm implements Alarm {

    private final MutableClock clock;
    private final List<Pending> pending = new ArrayList<>();
    private boolean closed;
    private int set;

    ManualAlarm(MutableClock clock) {
        this.clock = clock;
        clock.onAdvance(this::ringDue);
    }

    @Override
    public synchronized Runnable set(Duration delay, Runnable ring) {
        if (closed) {
            throw new RejectedExecutionException("closed");
        }
        set++;
        if (delay.isNegative() || delay.isZero()) {
            ring.run();
            return () -> {
            };
        }
        Pending alarm = new Pending(clock.elapsed().plus(delay), ring);
        pending.add(alarm);
        return () -> {
            synchronized (this) {
                pending.remove(alarm);
            }
        };
    }

    /** How many alarms were set (with or without delay). */
    synchronized int timesSet() {
        return set;
    }

    /** The alarms that have not rung, nor been cancelled. */
    synchronized int pending() {
        return pending.size();
    }

    private synchronized void ringDue() {
        Instant now = clock.elapsed();
        List<Pending> due = pending.stream().filter(alarm -> !alarm.at().isAfter(now))
                .sorted(Comparator.comparing(Pending::at)).toList();
        pending.removeAll(due);
        due.forEach(alarm -> alarm.ring().run());
    }

    @Override
    public synchronized void close() {
        closed = true;
        pending.clear();
    }

    private record Pending(Instant at, Runnable ring) {
    }
}
