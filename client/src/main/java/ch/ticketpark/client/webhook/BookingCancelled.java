package ch.ticketpark.client.webhook;

import java.util.Objects;

import ch.ticketpark.client.model.Booking;

/**
 * {@code booking-cancelled}: a booking was cancelled. Ticketpark documents no payload for it; the receiver reads the
 * {@code booking_pid} that its other booking webhooks carry. A cancelled booking that the API no longer knows fires no
 * event ({@code TPC0402}), as for every webhook whose record cannot be read back.
 *
 * @param booking the booking read from the API with its customer and tickets expanded; with
 *        {@code ticketpark.webhook.read-back=false} a reference holding only the pid the webhook named
 */
public record BookingCancelled(Booking booking) implements TicketparkWebhook {

    /** The webhook's {@code type}. */
    public static final String TYPE = "booking-cancelled";

    public BookingCancelled {
        Objects.requireNonNull(booking, "booking");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
