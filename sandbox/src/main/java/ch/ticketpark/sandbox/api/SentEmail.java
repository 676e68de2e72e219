package ch.ticketpark.sandbox.api;

import java.time.OffsetDateTime;

/**
 * An e-mail the sandbox pretends to have sent.
 *
 * @param booking the booking pid
 * @param type the e-mail type ({@code confirmation})
 * @param recipient the customer's address
 * @param sent when
 */
public record SentEmail(String booking, String type, String recipient, OffsetDateTime sent) {
}
