package ch.ticketpark.client.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between two attempts of a token request; tests replace it so that no test sleeps through a backoff. */
@FunctionalInterface
interface Sleeper {

    Sleeper SYSTEM = delay -> TimeUnit.NANOSECONDS.sleep(delay.toNanos());

    void sleep(Duration delay) throws InterruptedException;
}
