package ch.ticketpark.client.internal.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import ch.ticketpark.client.exception.TokenEndpointCircuitOpenException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.exception.TokenRequestException;
import ch.ticketpark.client.internal.Messages;

/**
 * Keeps callers from piling up on a token endpoint that keeps failing, and paces the refreshes ahead of expiry.
 * <ul>
 * <li>Closed: token requests go out. After {@code threshold} token requests in a row failed while callers had no
 * valid token, it opens for {@code delay}: callers fail at once with a {@link TokenEndpointCircuitOpenException}
 * whose cause is the last failure, and no request goes out.</li>
 * <li>After the delay, the next token request is the one probe (the token manager sends no other while one is in
 * flight) and makes a single attempt: success closes the breaker, failure opens it again.</li>
 * <li>Refreshes ahead of expiry, while the current token is still valid, never open the breaker (no caller suffers
 * yet) but are paced: after {@code n} failures in a row the next one waits for the {@code n}th backoff ceiling (or
 * the server's {@code Retry-After}, up to {@code delay}), so a failing refresh is tried once per backoff period.</li>
 * </ul>
 * The state is one immutable value behind an atomic reference: reading it takes no lock.
 */
public final class CircuitBreaker {

    private static final Logger LOG = Logger.getLogger(CircuitBreaker.class.getName());

    private record State(int failures, int callerFailures, Instant openUntil, TokenEndpointCircuitOpenException open,
            Instant backgroundNotBefore) {
    }

    private static final State CLOSED = new State(0, 0, Instant.MIN, null, Instant.MIN);

    private final int threshold;
    private final Duration delay;
    private final Backoff backoff;
    private final AtomicReference<State> state = new AtomicReference<>(CLOSED);

    public CircuitBreaker(int threshold, Duration delay, Backoff backoff) {
        this.threshold = threshold;
        this.delay = delay;
        this.backoff = backoff;
    }

    /** The exception to fail with at once, or {@code null} if a token request may go out. */
    public TokenEndpointCircuitOpenException rejection(Instant now) {
        State current = state.get();
        return current.open != null && now.isBefore(current.openUntil) ? current.open : null;
    }

    /** Whether a token request starting now is the one probe after the breaker was open. */
    public boolean isProbe(Instant now) {
        State current = state.get();
        return current.open != null && !now.isBefore(current.openUntil);
    }

    /** Whether a refresh ahead of expiry may start now. */
    public boolean allowsBackgroundRefresh(Instant now) {
        State current = state.get();
        return current == CLOSED || (rejection(now) == null && !now.isBefore(current.backgroundNotBefore));
    }

    /** No thread could take a refresh ahead of expiry: pace the next one as after a failure. */
    public void deferBackground(Instant now) {
        state.updateAndGet(current -> new State(current.failures, current.callerFailures, current.openUntil,
                current.open, now.plus(backoff.ceiling(current.failures + 1))));
    }

    /** @return the failures in a row before, if this closed the breaker; {@code 0} if it was not open */
    public int succeeded() {
        State before = state.getAndSet(CLOSED);
        if (before.open != null) {
            LOG.info(Messages.circuitClosed(before.failures));
            return before.failures;
        }
        return 0;
    }

    /**
     * @param callersWaiting whether callers were without a valid token, the only failures that open the breaker
     * @return what callers fail with, if this failure opened the breaker (or opened it again); {@code null} otherwise
     */
    public TokenEndpointCircuitOpenException failed(TokenRequestException failure, Instant now,
            boolean callersWaiting) {
        State next = state.updateAndGet(current -> {
            int failures = current.failures + 1;
            Instant backgroundNotBefore = now.plus(pause(failures, failure));
            int callerFailures = callersWaiting ? current.callerFailures + 1 : current.callerFailures;
            if (callersWaiting && callerFailures >= threshold) {
                Instant openUntil = now.plus(delay);
                var open = new TokenEndpointCircuitOpenException(
                        Messages.circuitOpen(callerFailures, openUntil, failure.getMessage()), openUntil,
                        callerFailures, failure);
                return new State(failures, callerFailures, openUntil, open, backgroundNotBefore);
            }
            return new State(failures, callerFailures, current.openUntil, current.open, backgroundNotBefore);
        });
        if (next.open != null && next.open.getCause() == failure) {
            LOG.warning(next.open.getMessage());
            return next.open;
        }
        return null;
    }

    private Duration pause(int failures, TokenRequestException failure) {
        Duration pause = backoff.ceiling(failures);
        if (failure instanceof TokenEndpointUnavailableException unavailable
                && unavailable.retryAfter().isPresent()) {
            Duration asked = unavailable.retryAfter().get();
            Duration capped = asked.compareTo(delay) > 0 ? delay : asked;
            return capped.compareTo(pause) > 0 ? capped : pause;
        }
        return pause;
    }

    @Override
    public String toString() {
        State current = state.get();
        return "CircuitBreaker[failures=" + current.failures + ", openUntil="
                + (current.open == null ? "<closed>" : current.openUntil) + "]";
    }
}
