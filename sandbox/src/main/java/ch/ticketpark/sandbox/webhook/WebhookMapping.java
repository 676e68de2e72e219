package ch.ticketpark.sandbox.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import ch.ticketpark.sandbox.store.Entity;
import ch.ticketpark.sandbox.store.Schema;
import ch.ticketpark.sandbox.store.StoreChange;
import ch.ticketpark.sandbox.store.StoreChanges;

/**
 * Which webhooks a change of the store sends:
 * <ul>
 * <li>a booking created confirmed, or patched from unconfirmed to confirmed: {@code new-booking}</li>
 * <li>a confirmed booking patched to unconfirmed: {@code booking-cancelled} (the booking stays)</li>
 * <li>tickets created or patched in a confirmed booking: {@code booking-tickets-updated}, one per booking with all its
 * tickets of the operation</li>
 * <li>tickets deleted from a confirmed booking: {@code booking-tickets-deleted}, likewise</li>
 * <li>a person created: {@code new-person}; patched: {@code new-updated}</li>
 * </ul>
 * Nothing else: deleting a booking (its tickets go with it) sends nothing, and neither do the tickets of an
 * unconfirmed booking. Whether a booking is confirmed is asked after the operation, so a booking deleted with its
 * tickets is no longer confirmed.
 */
final class WebhookMapping {

    private WebhookMapping() {
    }

    /**
     * @param changes one operation's changes
     * @param confirmedBooking whether the booking of this pid is confirmed now
     */
    static List<Webhook> webhooks(StoreChanges changes, Predicate<String> confirmedBooking) {
        List<Webhook> webhooks = new ArrayList<>();
        Map<String, List<String>> updatedTickets = new LinkedHashMap<>();
        Map<String, List<String>> deletedTickets = new LinkedHashMap<>();
        for (StoreChange change : changes.changes()) {
            switch (change.collection()) {
                case Schema.BOOKINGS -> booking(change, webhooks);
                case Schema.PERSONS -> person(change, webhooks);
                case Schema.TICKETS -> {
                    String booking = change.entity().string("booking");
                    if (booking != null && confirmedBooking.test(booking)) {
                        (change.isDelete() ? deletedTickets : updatedTickets)
                                .computeIfAbsent(booking, pid -> new ArrayList<>()).add(change.entity().pid());
                    }
                }
                default -> {
                    // no webhook for the other collections
                }
            }
        }
        updatedTickets.forEach((booking, tickets) -> webhooks.add(Webhook.ofTickets(Webhook.BOOKING_TICKETS_UPDATED,
                booking, tickets)));
        deletedTickets.forEach((booking, tickets) -> webhooks.add(Webhook.ofTickets(Webhook.BOOKING_TICKETS_DELETED,
                booking, tickets)));
        return webhooks;
    }

    private static void booking(StoreChange change, List<Webhook> webhooks) {
        if (change.isDelete()) {
            return;
        }
        boolean was = change.before() != null && confirmed(change.before());
        boolean is = confirmed(change.after());
        if (!was && is) {
            webhooks.add(Webhook.ofBooking(Webhook.NEW_BOOKING, change.after().pid()));
        } else if (was && !is) {
            webhooks.add(Webhook.ofBooking(Webhook.BOOKING_CANCELLED, change.after().pid()));
        }
    }

    private static void person(StoreChange change, List<Webhook> webhooks) {
        if (!change.isDelete()) {
            webhooks.add(Webhook.ofPerson(change.isCreate() ? Webhook.NEW_PERSON : Webhook.PERSON_UPDATED,
                    change.after().pid()));
        }
    }

    static boolean confirmed(Entity booking) {
        return booking.flag("confirmation");
    }
}
