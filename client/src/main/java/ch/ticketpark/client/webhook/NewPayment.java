package ch.ticketpark.client.webhook;

import java.math.BigDecimal;
import java.util.Objects;

import ch.ticketpark.client.model.Booking;

/**
 * {@code new-payment}: a booking was paid. The API has no resource for payments, so only the booking is read back:
 * {@link #claimed()} is what the webhook said, unverified. Trust the booking; treat the payment as a hint.
 *
 * @param booking the paid booking read from the API with its customer and tickets expanded; with
 *        {@code ticketpark.webhook.read-back=false} a reference holding only the pid the webhook named
 * @param claimed the payment as the webhook described it
 */
public record NewPayment(Booking booking, Payment claimed) implements TicketparkWebhook {

    /** The webhook's {@code type}. */
    public static final String TYPE = "new-payment";

    public NewPayment {
        Objects.requireNonNull(booking, "booking");
        Objects.requireNonNull(claimed, "claimed");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * A payment as a {@code new-payment} webhook describes it, not read back; a field the webhook left out, or sent
     * in a form that could not be read, is {@code null}.
     *
     * @param pid {@code payment_pid}
     * @param method {@code payment_method}
     * @param currency {@code currency}
     * @param amount {@code amount}, sent as a number or a string
     */
    public record Payment(String pid, String method, String currency, BigDecimal amount) {
    }
}
