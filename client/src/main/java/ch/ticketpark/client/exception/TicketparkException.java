package ch.ticketpark.client.exception;

import ch.ticketpark.client.Ticketpark;

/**
 * Root of every exception the Ticketpark client throws. It is unchecked: catch it (or one of its subclasses) where
 * your application can act on a failure of the Ticketpark API or of its token endpoint.
 * <p>
 * Messages never contain a password, the client secret or a token.
 */
public class TicketparkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TicketparkException() {
        super();
    }

    public TicketparkException(String message) {
        super(message);
    }

    public TicketparkException(String message, Throwable cause) {
        super(message, cause);
    }

    public TicketparkException(Throwable cause) {
        super(cause);
    }
}
