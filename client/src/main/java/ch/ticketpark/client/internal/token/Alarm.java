package ch.ticketpark.client.internal.token;

import java.time.Duration;

/**
 * Rings once after a delay of the system's elapsed time: what tells the token manager that a token it hands out
 * without a look at its clock has become due for refresh. Only for a manager that keeps the system's time; a manager
 * with a clock of its own (a test's) has none and looks at its clock on every call.
 */
public interface Alarm extends AutoCloseable {

    /**
     * Sets the alarm; several may be set at once.
     *
     * @param delay from now; zero to ring as soon as the alarm's thread is free
     * @param ring what to run when the delay has passed, on the alarm's own thread (short: it must not block)
     * @return cancels the alarm; does nothing once it rang
     * @throws java.util.concurrent.RejectedExecutionException if it cannot ring (closed, no thread); then it never
     *         rings
     */
    Runnable set(Duration delay, Runnable ring);

    /** Cancels every alarm set and ends the alarm's thread. */
    @Override
    void close();
}
