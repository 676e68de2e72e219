package ch.ticketpark.client.exception;

/**
 * The token endpoint refused the request with an OAuth 2.0 error answer (RFC 6749, section 5.2), for example
 * {@code invalid_client} when the client key or secret is wrong.
 */
public class OAuthErrorException extends TokenRequestException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final String errorDescription;

    public OAuthErrorException(String message, int status, String error, String errorDescription) {
        super(message, status);
        this.error = error;
        this.errorDescription = errorDescription;
    }

    /**
     * @return the OAuth error code, such as {@code invalid_client} or {@code invalid_grant}
     */
    public String error() {
        return error;
    }

    /**
     * @return the server's description of the error, or {@code null} when it gave none
     */
    public String errorDescription() {
        return errorDescription;
    }
}
