package ch.ticketpark.client.exception;

/**
 * The API refused the payload (HTTP 409): a required field is missing, a field has the wrong type or a
 * referenced pid does not exist; {@link #body()} says which.
 */
public class InvalidPayloadException extends TicketparkApiException {

    private static final long serialVersionUID = 1L;

    public InvalidPayloadException(String message, int status, String method, String path, String body) {
        super(message, status, method, path, body);
    }
}
