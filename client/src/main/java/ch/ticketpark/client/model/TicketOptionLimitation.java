package ch.ticketpark.client.model;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

import ch.ticketpark.client.model.json.DateTimeAdapter;

/**
 * A limit on how many tickets may have some ticket options ({@code ticketoptionlimitations/}).
 *
 * @param pid the limitation's opaque identifier
 * @param ticketOptions the pids of the ticket options it limits (required on create)
 * @param limitation the maximum number (required)
 * @param scope {@value #PER_BOOKING} or {@value #PER_SHOW} (required)
 * @param created when the limitation was created (output only)
 */
public record TicketOptionLimitation(
        String pid,
        @JsonbProperty("ticket_options") List<String> ticketOptions,
        Integer limitation,
        String scope,
        @JsonbTypeAdapter(DateTimeAdapter.class) OffsetDateTime created) {

    /** The scope of a limit per booking. */
    public static final String PER_BOOKING = "booking";
    /** The scope of a limit per show. */
    public static final String PER_SHOW = "show";

    /**
     * @return a new limitation with the required fields, to create
     */
    public static TicketOptionLimitation of(List<String> ticketOptions, int limitation, String scope) {
        return new TicketOptionLimitation(null, ticketOptions, limitation, scope, null);
    }
}
