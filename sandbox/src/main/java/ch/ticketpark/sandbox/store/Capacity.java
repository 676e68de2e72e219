package ch.ticketpark.sandbox.store;

/**
 * Seats of a show: {@code total}, {@code sold} (tickets of confirmed and not yet expired unconfirmed bookings) and
 * {@code available}.
 */
public record Capacity(long total, long sold) {

    public long available() {
        return Math.max(0, total - sold);
    }
}
