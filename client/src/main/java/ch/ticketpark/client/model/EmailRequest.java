package ch.ticketpark.client.model;

/**
 * What {@code POST /email/send} sends: an e-mail of a type about a booking.
 *
 * @param booking the pid of the booking, which must be confirmed
 * @param type the e-mail's type, such as {@value #CONFIRMATION}
 */
public record EmailRequest(String booking, String type) {

    /** The type of the booking confirmation e-mail. */
    public static final String CONFIRMATION = "confirmation";

    /**
     * @return the request to send the confirmation of a booking
     */
    public static EmailRequest confirmation(String booking) {
        return new EmailRequest(booking, CONFIRMATION);
    }
}
