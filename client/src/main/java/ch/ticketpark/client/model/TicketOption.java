package ch.ticketpark.client.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

import ch.ticketpark.client.model.json.DateTimeAdapter;
import ch.ticketpark.client.model.json.MoneyAdapter;

/**
 * An option a ticket can have, in a {@link TicketOptionGroup} ({@code ticketoptions/}).
 *
 * @param pid the option's opaque identifier
 * @param ticketOptionGroup the pid of its group (required on create)
 * @param name its name (required)
 * @param price its extra price, read from {@code "25.00"} or {@code 50}, written as {@code "25.00"}
 * @param created when the option was created (output only)
 */
public record TicketOption(
        String pid,
        @JsonbProperty("ticket_option_group") String ticketOptionGroup,
        String name,
        @JsonbTypeAdapter(MoneyAdapter.class) BigDecimal price,
        @JsonbTypeAdapter(DateTimeAdapter.class) OffsetDateTime created) {

    /**
     * @return a new ticket option with the required fields, to create
     */
    public static TicketOption of(String ticketOptionGroup, String name) {
        return new TicketOption(null, ticketOptionGroup, name, null, null);
    }

    /**
     * @return this option with a price
     */
    public TicketOption withPrice(BigDecimal newPrice) {
        return new TicketOption(pid, ticketOptionGroup, name, newPrice, created);
    }
}
