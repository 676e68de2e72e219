package ch.ticketpark.client.webhook;

import java.util.List;
import java.util.Objects;

import ch.ticketpark.client.model.Booking;

/**
 * {@code booking-tickets-deleted}: tickets of a booking were deleted.
 *
 * @param booking the booking read from the API with its customer and tickets expanded, its tickets as they are now;
 *        with {@code ticketpark.webhook.read-back=false} a reference holding only the pid the webhook named
 * @param ticketPids the pids of the tickets the webhook named (as sent: the booking's tickets are the ones to trust)
 */
public record BookingTicketsDeleted(Booking booking, List<String> ticketPids) implements TicketparkWebhook {

    /** The webhook's {@code type}. */
    public static final String TYPE = "booking-tickets-deleted";

    public BookingTicketsDeleted {
        Objects.requireNonNull(booking, "booking");
        ticketPids = List.copyOf(ticketPids);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
