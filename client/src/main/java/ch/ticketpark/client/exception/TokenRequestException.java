package ch.ticketpark.client.exception;

import ch.ticketpark.client.Ticketpark;

/**
 * No access token could be obtained from the Ticketpark token endpoint ({@code POST /oauth/v2/token}). The subclasses
 * say why: the endpoint refused the request ({@link OAuthErrorException}), could not be reached or failed
 * ({@link TokenEndpointUnavailableException}), or answered something that is not a token
 * ({@link MalformedTokenResponseException}).
 */
public class TokenRequestException extends TicketparkException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public TokenRequestException(String message, int status) {
        super(message);
        this.status = status;
    }

    public TokenRequestException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /**
     * @return the HTTP status of the token endpoint's answer, or {@code 0} when there was no answer
     */
    public int status() {
        return status;
    }
}
