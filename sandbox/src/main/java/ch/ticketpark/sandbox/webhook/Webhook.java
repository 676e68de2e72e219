package ch.ticketpark.sandbox.webhook;

import java.util.List;
import java.util.Objects;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import ch.ticketpark.sandbox.store.PidStyle;

/**
 * A webhook as Ticketpark sends it: {@code {"type": ..., "payload": {...}}}. Booking pids are JSON numbers, as the API
 * writes them; person and ticket pids strings.
 *
 * @param type e.g. {@value #NEW_BOOKING}; any text when a test sends it through the control plane
 * @param payload the payload object
 */
public record Webhook(String type, JsonObject payload) {

    public static final String NEW_BOOKING = "new-booking";
    public static final String BOOKING_TICKETS_UPDATED = "booking-tickets-updated";
    public static final String BOOKING_TICKETS_DELETED = "booking-tickets-deleted";
    public static final String BOOKING_CANCELLED = "booking-cancelled";
    public static final String NEW_PAYMENT = "new-payment";
    public static final String NEW_PERSON = "new-person";
    /** Ticketpark's own spelling of "person updated". */
    public static final String PERSON_UPDATED = "new-updated";

    static final String BOOKING_PID = "booking_pid";
    static final String PERSON_PID = "person_pid";
    static final String TICKET_PIDS = "ticket_pids";

    public Webhook {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    static Webhook ofBooking(String type, String bookingPid) {
        return new Webhook(type, Json.createObjectBuilder().add(BOOKING_PID, PidStyle.NUMBER.toJson(bookingPid))
                .build());
    }

    static Webhook ofTickets(String type, String bookingPid, List<String> ticketPids) {
        JsonArrayBuilder tickets = Json.createArrayBuilder();
        ticketPids.forEach(tickets::add);
        return new Webhook(type, Json.createObjectBuilder().add(BOOKING_PID, PidStyle.NUMBER.toJson(bookingPid))
                .add(TICKET_PIDS, tickets).build());
    }

    static Webhook ofPerson(String type, String personPid) {
        return new Webhook(type, Json.createObjectBuilder().add(PERSON_PID, personPid).build());
    }

    /** The body of the POST. */
    public JsonObject toJson() {
        return Json.createObjectBuilder().add("type", type).add("payload", payload).build();
    }
}
