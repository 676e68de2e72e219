package ch.ticketpark.client.exception;

/**
 * The token endpoint answered, but not with a usable token: the body is not JSON, lacks {@code access_token} or
 * {@code expires_in}, or holds values of the wrong kind. The message names the problem, never the body's tokens.
 */
public class MalformedTokenResponseException extends TokenRequestException {

    private static final long serialVersionUID = 1L;

    public MalformedTokenResponseException(String message, int status) {
        super(message, status);
    }

    public MalformedTokenResponseException(String message, int status, Throwable cause) {
        super(message, status, cause);
    }
}
