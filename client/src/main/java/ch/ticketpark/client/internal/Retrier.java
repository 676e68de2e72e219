package ch.ticketpark.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

import ch.ticketpark.client.TokenEndpointUnavailableException;

/**
 * Retries one token request while the endpoint is unavailable (no connection, timeout, HTTP 5xx or 429,
 * {@code temporarily_unavailable}), never on an OAuth error or a malformed answer. The delay is the jittered
 * {@link Backoff}, or the server's {@code Retry-After} if that is longer. A retry happens only if it can end before
 * the deadline, assuming its worst case (the delay plus connect and read timeout), so that a request ends while
 * the callers waiting for it still wait; and not at all if the server asks for more than the backoff's maximum.
 */
final class Retrier {

    private static final Logger LOG = Logger.getLogger(Retrier.class.getName());

    private final int maxAttempts;
    private final Backoff backoff;
    private final Duration attemptTimeout;
    private final Clock clock;
    private final Sleeper sleeper;

    Retrier(int maxAttempts, Backoff backoff, Duration attemptTimeout, Clock clock, Sleeper sleeper) {
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.attemptTimeout = attemptTimeout;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * @param attempt one attempt
     * @param deadline when the request must have ended
     * @param mayRetry asked after each failure: whether retrying is worth it at all
     * @throws TokenEndpointUnavailableException the last failure, with the number of attempts if there were several
     */
    <T> T call(Supplier<T> attempt, Instant deadline, BooleanSupplier mayRetry) {
        Instant start = clock.instant();
        for (int n = 1;; n++) {
            try {
                return attempt.get();
            } catch (TokenEndpointUnavailableException e) {
                Duration delay = backoff.delay(n);
                if (e.retryAfter().isPresent() && e.retryAfter().get().compareTo(delay) > 0) {
                    delay = e.retryAfter().get();
                }
                Instant now = clock.instant();
                if (n >= maxAttempts || delay.compareTo(backoff.max()) > 0
                        || now.plus(delay).plus(attemptTimeout).isAfter(deadline) || !mayRetry.getAsBoolean()) {
                    throw n == 1 ? e : gaveUp(e, n, Duration.between(start, now));
                }
                LOG.info(Messages.retrying(n, delay, e.getMessage()));
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw gaveUp(e, n, Duration.between(start, clock.instant()));
                }
            }
        }
    }

    private static TokenEndpointUnavailableException gaveUp(TokenEndpointUnavailableException last, int attempts,
            Duration elapsed) {
        return new TokenEndpointUnavailableException(
                Messages.unavailableAfterAttempts(attempts, elapsed, last.getMessage()), last.status(), attempts,
                last.retryAfter().orElse(null), last);
    }
}
