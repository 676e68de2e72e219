package ch.ticketpark.client.exception;

import java.time.Duration;
import java.util.Optional;

/**
 * The token endpoint could not be reached, did not answer in time, or failed with a server error (HTTP 5xx, HTTP 429
 * or the OAuth error {@code temporarily_unavailable}), also after the client's retries. Trying again later may
 * succeed: {@link #attempts()} says how often the client tried, {@link #retryAfter()} what the server asked for.
 */
public class TokenEndpointUnavailableException extends TokenRequestException {

    private static final long serialVersionUID = 1L;

    private final int attempts;
    private final Duration retryAfter;

    public TokenEndpointUnavailableException(String message, int status) {
        this(message, status, 1, null, null);
    }

    public TokenEndpointUnavailableException(String message, Throwable cause) {
        this(message, 0, 1, null, cause);
    }

    /**
     * @param status the HTTP status of the last answer, or {@code 0} when there was none
     * @param attempts how many requests the client sent
     * @param retryAfter the server's {@code Retry-After}, or {@code null} when it sent none
     * @param cause the failure of the last attempt, or {@code null}
     */
    public TokenEndpointUnavailableException(String message, int status, int attempts, Duration retryAfter,
            Throwable cause) {
        super(message, status, cause);
        this.attempts = attempts;
        this.retryAfter = retryAfter;
    }

    /**
     * @return how many token requests the client sent before giving up ({@code 0} if it sent none, because the
     *         circuit breaker is open)
     */
    public int attempts() {
        return attempts;
    }

    /**
     * @return how long the server asked the client to wait ({@code Retry-After}), if it did
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
