package ch.ticketpark.client.exception;

/**
 * No record has the requested pid, or it is not visible to the authenticated user (HTTP 404).
 */
public class RecordNotFoundException extends TicketparkApiException {

    private static final long serialVersionUID = 1L;

    public RecordNotFoundException(String message, int status, String method, String path, String body) {
        super(message, status, method, path, body);
    }
}
