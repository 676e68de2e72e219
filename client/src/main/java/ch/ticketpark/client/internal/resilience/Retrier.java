package ch.ticketpark.client.internal.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.internal.Messages;

/**
 * Decides whether and when a failed attempt of a token request is retried: while the endpoint is unavailable (no
 * connection, timeout, HTTP 5xx or 429, {@code temporarily_unavailable}) or answered a refused token whose refresh
 * token was kept; never on an OAuth error. The delay is the jittered {@link Backoff}, or the server's
 * {@code Retry-After} if that is longer. A retry happens only if it can end before the deadline, assuming its worst
 * case (the delay plus one whole attempt), so that a request ends while the callers waiting for it still wait; and not
 * at all if the server asks for more than the backoff's maximum.
 */
public final class Retrier {

    private static final Logger LOG = Logger.getLogger(Retrier.class.getName());

    private final int maxAttempts;
    private final Backoff backoff;
    private final Duration attemptTimeout;
    private final Clock clock;
    private final Sleeper sleeper;

    public Retrier(int maxAttempts, Backoff backoff, Duration attemptTimeout, Clock clock, Sleeper sleeper) {
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.attemptTimeout = attemptTimeout;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The longest one attempt may take, connect and answer together. */
    public Duration attemptTimeout() {
        return attemptTimeout;
    }

    /**
     * @param attempts how many attempts failed so far
     * @param retryAfter what the server asked for, if anything
     * @param deadline when the request must have ended
     * @return the delay before the next attempt, or empty if there is to be none
     */
    public Optional<Duration> delayAfter(int attempts, Optional<Duration> retryAfter, Instant deadline) {
        Duration delay = backoff.delay(attempts);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
            delay = retryAfter.get();
        }
        if (attempts >= maxAttempts || delay.compareTo(backoff.max()) > 0
                || clock.instant().plus(delay).plus(attemptTimeout).isAfter(deadline)) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    /**
     * Waits before the next attempt.
     *
     * @return whether the wait ended normally (not interrupted)
     */
    public boolean pause(int attempt, Duration delay, String failure) {
        LOG.info(Messages.retrying(attempt, delay, failure));
        try {
            sleeper.sleep(delay);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The failure to report after several attempts: the last one's, with their number and the time they took. */
    public static TokenEndpointUnavailableException gaveUp(TokenEndpointUnavailableException last, int attempts,
            Duration elapsed) {
        if (attempts == 1) {
            return last;
        }
        return new TokenEndpointUnavailableException(
                Messages.unavailableAfterAttempts(attempts, elapsed, last.getMessage()), last.status(), attempts,
                last.retryAfter().orElse(null), last);
    }
}
