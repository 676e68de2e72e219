package ch.ticketpark.sandbox.api;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An event as the sandbox stores it.
 *
 * @param pid the opaque identifier (lower-case hex)
 * @param host the pid of the organising host
 * @param name the display name
 * @param currency the ISO currency code
 * @param allowDigitalDispatch whether tickets may be sent digitally
 * @param created when the event was created, with the offset of its time zone
 */
public record Event(String pid, String host, String name, String currency, boolean allowDigitalDispatch,
        OffsetDateTime created) {

    public Event {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(created, "created");
    }
}
