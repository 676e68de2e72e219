package ch.ticketpark.client.internal.token;

import ch.ticketpark.client.exception.InvalidClientException;
import ch.ticketpark.client.exception.InvalidGrantException;
import ch.ticketpark.client.exception.MalformedTokenResponseException;
import ch.ticketpark.client.exception.OAuthErrorException;
import ch.ticketpark.client.exception.TicketparkException;
import ch.ticketpark.client.exception.TokenEndpointCircuitOpenException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.exception.TokenReissueDeferredException;
import ch.ticketpark.client.exception.TokenRequestException;
import ch.ticketpark.client.internal.Messages;

/**
 * One failure of a token request reaches every caller that waited for it, and a kept failure (an open breaker, a dead
 * refresh token) reaches every later caller. Each caller gets an exception of its own, of the same type, with the
 * same message and data and the shared one as its cause (an open breaker's: the last failure, as documented): a
 * shared instance would carry another thread's stack trace and collect the suppressed exceptions of every caller for
 * the life of the application.
 */
final class CallerFailures {

    private CallerFailures() {
    }

    static RuntimeException forCaller(Throwable shared) {
        if (shared instanceof TokenEndpointCircuitOpenException e) {
            // its documented cause is the last failure, which is never thrown itself
            return new TokenEndpointCircuitOpenException(e.getMessage(), e.openUntil(), e.consecutiveFailures(),
                    e.getCause());
        }
        if (shared instanceof TokenEndpointUnavailableException e) {
            return new TokenEndpointUnavailableException(e.getMessage(), e.status(), e.attempts(),
                    e.retryAfter().orElse(null), e);
        }
        if (shared instanceof TokenReissueDeferredException e) {
            return new TokenReissueDeferredException(e.getMessage(), e.notBefore(), e);
        }
        if (shared instanceof InvalidGrantException e) {
            return withCause(new InvalidGrantException(e.getMessage(), e.status(), e.errorDescription()), e);
        }
        if (shared instanceof InvalidClientException e) {
            return withCause(new InvalidClientException(e.getMessage(), e.status(), e.errorDescription()), e);
        }
        if (shared instanceof OAuthErrorException e) {
            return withCause(new OAuthErrorException(e.getMessage(), e.status(), e.error(), e.errorDescription()), e);
        }
        if (shared instanceof MalformedTokenResponseException e) {
            return new MalformedTokenResponseException(e.getMessage(), e.status(), e);
        }
        if (shared instanceof TokenRequestException e) {
            return new TokenRequestException(e.getMessage(), e.status(), e);
        }
        if (shared instanceof TicketparkException e) {
            return new TicketparkException(e.getMessage(), e);
        }
        // an Error or a foreign exception from the request: its message is not ours to repeat
        return new TicketparkException(Messages.tokenRequestFailed(shared), shared);
    }

    private static RuntimeException withCause(RuntimeException fresh, Throwable cause) {
        fresh.initCause(cause);
        return fresh;
    }
}
