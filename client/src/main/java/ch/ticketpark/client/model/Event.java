package ch.ticketpark.client.model;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * An event, such as a concert or a festival, with its shows. Fields the API adds later are ignored.
 *
 * @param pid the event's opaque identifier
 * @param host the pid of the host that organises the event
 * @param name the event's name
 * @param currency the ISO 4217 currency of its prices, such as {@code CHF}
 * @param allowDigitalDispatch whether tickets may be sent digitally
 */
public record Event(
        String pid,
        String host,
        String name,
        String currency,
        @JsonbProperty("allow_digital_dispatch") Boolean allowDigitalDispatch) {
}
