package ch.ticketpark.client.webhook;

/**
 * A webhook of Ticketpark, received, deduplicated and read back: observe this type for every webhook, or one of its
 * records for one type.
 *
 * <pre>
 * &#64;Stateless
 * public class BookingSync {
 *     void booked(&#64;Observes NewBooking webhook) {
 *         Booking booking = webhook.booking(); // as the API returns it now, with its customer and tickets
 *         ...
 *     }
 * }
 * </pre>
 *
 * Each delivery fires once to the synchronous observers, in a request context of its own, then once to the
 * asynchronous ones; both on the server's managed executor, never on the thread that answered Ticketpark. An observer
 * that throws is logged ({@code TPC0405}); as CDI has it, a synchronous observer's exception ends the synchronous
 * notification, while the asynchronous observers are notified all the same.
 */
public sealed interface TicketparkWebhook
        permits NewBooking, BookingTicketsUpdated, BookingTicketsDeleted, BookingCancelled, NewPayment, NewPerson,
        PersonUpdated, UnknownWebhook {

    /** @return the webhook's {@code type}, as Ticketpark sent it, such as {@code new-booking} */
    String type();
}
