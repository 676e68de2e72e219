package ch.ticketpark.client.exception;

import java.time.Instant;

/**
 * The API rejected (HTTP 401) an access token that had itself just replaced a rejected one, so the client sends no
 * new token request before {@link #notBefore()}: a run of 401s (a user who lost access to the API, or a token URL of
 * another environment than the API URL) must not become a run of token requests, each rotating the refresh token.
 * The first call after that instant obtains a new token.
 */
public class TokenReissueDeferredException extends TokenRequestException {

    private static final long serialVersionUID = 1L;

    private final Instant notBefore;

    public TokenReissueDeferredException(String message, Instant notBefore) {
        super(message, 0);
        this.notBefore = notBefore;
    }

    public TokenReissueDeferredException(String message, Instant notBefore, Throwable cause) {
        super(message, 0, cause);
        this.notBefore = notBefore;
    }

    /**
     * @return when the client sends the next token request
     */
    public Instant notBefore() {
        return notBefore;
    }
}
