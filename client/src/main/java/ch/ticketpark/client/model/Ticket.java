package ch.ticketpark.client.model;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

import ch.ticketpark.client.model.json.DateTimeAdapter;

/**
 * A ticket of a booking, for one show at one price in one sector ({@code tickets/}).
 *
 * @param pid the ticket's opaque identifier
 * @param booking the pid of its booking (required on create)
 * @param show the pid of its show (required)
 * @param price the pid of its {@link Price} (required)
 * @param sector the pid of its sector (required)
 * @param ticketOptions the pids of the ticket options chosen
 * @param created when the ticket was created (output only)
 */
public record Ticket(
        String pid,
        String booking,
        String show,
        String price,
        String sector,
        @JsonbProperty("ticket_options") List<String> ticketOptions,
        @JsonbTypeAdapter(DateTimeAdapter.class) OffsetDateTime created) {

    /**
     * @return a new ticket with the required fields, to create
     */
    public static Ticket of(String booking, String show, String price, String sector) {
        return new Ticket(null, booking, show, price, sector, null, null);
    }

    /**
     * @return this ticket with the given ticket options
     */
    public Ticket withTicketOptions(List<String> options) {
        return new Ticket(pid, booking, show, price, sector, options, created);
    }
}
