package ch.ticketpark.client.webhook;

import java.util.Objects;

import ch.ticketpark.client.model.Booking;

/**
 * {@code new-booking}: a booking was made.
 *
 * @param booking the booking read from the API with its customer and tickets expanded ({@code GET /bookings/{pid}});
 *        with {@code ticketpark.webhook.read-back=false} a reference holding only the pid the webhook named
 */
public record NewBooking(Booking booking) implements TicketparkWebhook {

    /** The webhook's {@code type}. */
    public static final String TYPE = "new-booking";

    public NewBooking {
        Objects.requireNonNull(booking, "booking");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
