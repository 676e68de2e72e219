package ch.ticketpark.sandbox;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Produces the {@link Clock} every time-dependent bean uses, so that unit tests can construct those beans with a
 * clock of their own: the system clock, moved forward by the control plane's {@link TimeShift}.
 */
@ApplicationScoped
public class ClockProducer {

    private final TimeShift shift;

    @Inject
    public ClockProducer(TimeShift shift) {
        this.shift = shift;
    }

    /** For the CDI client proxy only. */
    protected ClockProducer() {
        this.shift = null;
    }

    @Produces
    public Clock clock() {
        return shift.shifted(Clock.systemUTC());
    }
}
