package ch.ticketpark.sandbox.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the resource store.
 *
 * @param unconfirmedBookingLifetime how long a booking may stay unconfirmed before it is deleted with its tickets
 *        (MicroProfile Config {@code sandbox.unconfirmed-booking-lifetime}, seconds, default 1800)
 */
public record StoreSettings(Duration unconfirmedBookingLifetime) {

    public static final String UNCONFIRMED_BOOKING_LIFETIME = "sandbox.unconfirmed-booking-lifetime";
    public static final long DEFAULT_UNCONFIRMED_BOOKING_LIFETIME = 1800;

    public StoreSettings {
        Objects.requireNonNull(unconfirmedBookingLifetime, "unconfirmedBookingLifetime");
        if (unconfirmedBookingLifetime.isNegative()) {
            throw new IllegalArgumentException("unconfirmedBookingLifetime must not be negative");
        }
    }

    public static StoreSettings defaults() {
        return new StoreSettings(Duration.ofSeconds(DEFAULT_UNCONFIRMED_BOOKING_LIFETIME));
    }
}
