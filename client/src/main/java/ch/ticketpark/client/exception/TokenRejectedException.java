package ch.ticketpark.client.exception;

/**
 * The API rejected the access token (HTTP 401), even after one replay with a new token where the call could be
 * replayed: the token was revoked or the user lost access. The token that was sent is forgotten, so the next call
 * obtains a new one.
 */
public class TokenRejectedException extends TicketparkApiException {

    private static final long serialVersionUID = 1L;

    public TokenRejectedException(String message, int status, String method, String path, String body) {
        super(message, status, method, path, body);
    }
}
