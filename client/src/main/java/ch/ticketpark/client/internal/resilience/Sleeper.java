package ch.ticketpark.client.internal.resilience;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between two attempts of a token request; tests replace it so that no test sleeps through a backoff. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = delay -> TimeUnit.NANOSECONDS.sleep(delay.toNanos());

    void sleep(Duration delay) throws InterruptedException;
}
