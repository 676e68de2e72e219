package ch.ticketpark.client.exception;

import java.time.Instant;

/**
 * The client sent no token request because the last token requests all failed: its circuit breaker is open until
 * {@link #openUntil()}, so that callers fail fast instead of piling up on a token endpoint that keeps failing. The
 * first call after that instant sends one probe request; when it succeeds, everything works as before.
 * {@link #getCause()} is the last failure, for example an {@link InvalidClientException} or a
 * {@link TokenEndpointUnavailableException}.
 */
public class TokenEndpointCircuitOpenException extends TokenEndpointUnavailableException {

    private static final long serialVersionUID = 1L;

    private final Instant openUntil;
    private final int consecutiveFailures;

    public TokenEndpointCircuitOpenException(String message, Instant openUntil, int consecutiveFailures,
            TokenRequestException lastFailure) {
        super(message, lastFailure.status(), 0, null, lastFailure);
        this.openUntil = openUntil;
        this.consecutiveFailures = consecutiveFailures;
    }

    /**
     * @return when the client sends the next token request (one probe)
     */
    public Instant openUntil() {
        return openUntil;
    }

    /**
     * @return how many token requests failed in a row
     */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /**
     * @return the last failure, the reason the client stopped asking
     */
    @Override
    public synchronized TokenRequestException getCause() {
        return (TokenRequestException) super.getCause();
    }
}
