package ch.ticketpark.client.exception;

/**
 * The token endpoint answered {@code invalid_grant}: the refresh token is no longer valid (expired, or rotated away)
 * and no password is configured to start over, or the username and password are wrong. The message says which
 * configuration keys to set.
 */
public class InvalidGrantException extends OAuthErrorException {

    private static final long serialVersionUID = 1L;

    public InvalidGrantException(String message, int status, String errorDescription) {
        super(message, status, "invalid_grant", errorDescription);
    }
}
