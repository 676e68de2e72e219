package ch.ticketpark.client.exception;

import java.util.List;

/**
 * The client's configuration is missing or invalid. Thrown at deployment time, so an application with a wrong
 * configuration does not start. {@link #keys()} names every configuration key at fault.
 */
public class TicketparkConfigurationException extends TicketparkException {

    private static final long serialVersionUID = 1L;

    private final List<String> keys;

    public TicketparkConfigurationException(String message, List<String> keys) {
        super(message);
        this.keys = List.copyOf(keys);
    }

    /**
     * @return the configuration keys that are missing or invalid
     */
    public List<String> keys() {
        return keys;
    }
}
