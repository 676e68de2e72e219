package ch.ticketpark.client.exception;

/**
 * The authenticated user may not do this (HTTP 403), for example change a record of another host that it may
 * only read.
 */
public class AccessDeniedException extends TicketparkApiException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message, int status, String method, String path, String body) {
        super(message, status, method, path, body);
    }
}
