package ch.ticketpark.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How far the sandbox's clock runs ahead of the real one, set through the control plane so that HTTP tests can let
 * tokens and unconfirmed bookings expire without waiting. Thread-safe.
 */
@ApplicationScoped
public class TimeShift {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Moves the sandbox's time forward. */
    public Duration advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + amount);
        }
        return offset.updateAndGet(current -> current.plus(amount));
    }

    public Duration offset() {
        return offset.get();
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    /** A clock that reads {@code base} plus the current offset. */
    public Clock shifted(Clock base) {
        return new ShiftedClock(base, this);
    }

    private static final class ShiftedClock extends Clock {

        private final Clock base;
        private final TimeShift shift;

        ShiftedClock(Clock base, TimeShift shift) {
            this.base = base;
            this.shift = shift;
        }

        @Override
        public Instant instant() {
            return base.instant().plus(shift.offset());
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new ShiftedClock(base.withZone(zone), shift);
        }
    }
}
