package ch.ticketpark.client;

/**
 * The token endpoint could not be reached, did not answer in time, or failed with a server error (HTTP 5xx).
 * Trying again later may succeed.
 */
public class TokenEndpointUnavailableException extends TokenRequestException {

    private static final long serialVersionUID = 1L;

    public TokenEndpointUnavailableException(String message, int status) {
        super(message, status);
    }

    public TokenEndpointUnavailableException(String message, Throwable cause) {
        super(message, 0, cause);
    }
}
