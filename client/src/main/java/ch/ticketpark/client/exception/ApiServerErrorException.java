package ch.ticketpark.client.exception;

/**
 * The API failed (HTTP 5xx). The request may or may not have taken effect.
 */
public class ApiServerErrorException extends TicketparkApiException {

    private static final long serialVersionUID = 1L;

    public ApiServerErrorException(String message, int status, String method, String path, String body) {
        super(message, status, method, path, body);
    }
}
