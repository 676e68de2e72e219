package ch.ticketpark.client.exception;

import ch.ticketpark.client.Ticketpark;

/**
 * The Ticketpark API answered a request with an HTTP error. The subclasses name the common cases:
 * {@link TokenRejectedException} (401), {@link AccessDeniedException} (403), {@link RecordNotFoundException} (404),
 * {@link InvalidPayloadException} (409) and {@link ApiServerErrorException} (5xx); other 4xx statuses surface as
 * this class.
 * <p>
 * It carries the request's method and path (without the query) and the answer's body, which never contain a token.
 */
public class TicketparkApiException extends TicketparkException {

    private static final long serialVersionUID = 1L;

    /** The longest body kept, in characters. */
    public static final int MAX_BODY = 4096;

    private final int status;
    private final String method;
    private final String path;
    private final String body;

    public TicketparkApiException(String message, int status, String method, String path, String body) {
        super(message);
        this.status = status;
        this.method = method;
        this.path = path;
        this.body = body == null || body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY);
    }

    /**
     * @return the HTTP status of the answer
     */
    public int status() {
        return status;
    }

    /**
     * @return the request's HTTP method, such as {@code PATCH}, or {@code null} if unknown
     */
    public String method() {
        return method;
    }

    /**
     * @return the request's path, such as {@code /bookings/293233446073}, or {@code null} if unknown
     */
    public String path() {
        return path;
    }

    /**
     * @return the answer's body (the API sends {@code {"code":…,"message":…}}), at most {@value #MAX_BODY}
     *         characters; empty if there was none
     */
    public String body() {
        return body;
    }
}
