package ch.ticketpark.sandbox.client;

/**
 * An e-mail the sandbox "sent" for {@code POST /email/send} ({@code GET /_sandbox/emails}).
 *
 * @param booking the booking's pid
 * @param type the e-mail's type, e.g. {@code confirmation}
 * @param recipient the address
 * @param sent when, as the sandbox writes date-times
 */
public record Email(String booking, String type, String recipient, String sent) {
}
