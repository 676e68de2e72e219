package ch.ticketpark.sandbox.api;

import java.time.Clock;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ch.ticketpark.sandbox.Counter;
import ch.ticketpark.sandbox.SandboxStats;
import ch.ticketpark.sandbox.store.Entity;
import ch.ticketpark.sandbox.store.ResourceStore;
import ch.ticketpark.sandbox.store.Schema;
import ch.ticketpark.sandbox.store.StoreException;
import ch.ticketpark.sandbox.store.Values;

/**
 * {@code POST /email/send} {@code {"booking","type":"confirmation"}}: 204, and the e-mail lands in the
 * {@link Mailbox}; 409 for a missing field, another type, an unknown booking, an unconfirmed booking or a customer
 * without e-mail address.
 */
@ApplicationScoped
@Path("email")
@BearerProtected
@Produces(MediaType.APPLICATION_JSON)
public class EmailResource {

    static final Set<String> TYPES = Set.of("confirmation");

    private final ResourceStore store;
    private final Mailbox mailbox;
    private final SandboxStats stats;
    private final Clock clock;

    @Inject
    public EmailResource(ResourceStore store, Mailbox mailbox, SandboxStats stats, Clock clock) {
        this.store = store;
        this.mailbox = mailbox;
        this.stats = stats;
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected EmailResource() {
        this(null, null, null, null);
    }

    @POST
    @Path("send")
    public Response send(String body) {
        JsonObject request = JsonBodies.object(body);
        String bookingPid = pid(request.get("booking"));
        String type = request.containsKey("type") && request.get("type") instanceof JsonString text
                ? text.getString()
                : null;
        if (type == null || !TYPES.contains(type)) {
            throw StoreException.invalid("Field 'type' must be one of " + TYPES);
        }
        Entity booking;
        try {
            booking = store.get(Schema.BOOKINGS, bookingPid);
        } catch (StoreException e) {
            throw StoreException.invalid("Field 'booking': no bookings record with pid " + bookingPid);
        }
        if (!booking.flag("confirmation")) {
            throw StoreException.invalid("Booking " + bookingPid + " is not confirmed: confirm it before sending");
        }
        String recipient = store.get(Schema.PERSONS, booking.string("customer")).string("email");
        if (recipient == null) {
            throw StoreException.invalid("The customer of booking " + bookingPid + " has no e-mail address");
        }
        mailbox.add(new SentEmail(bookingPid, type, recipient, clock.instant().atZone(Values.ZONE)
                .toOffsetDateTime()));
        stats.count(Counter.EMAILS_SENT);
        return Response.noContent().build();
    }

    private static String pid(JsonValue value) {
        if (value instanceof JsonString text && !text.getString().isEmpty()) {
            return text.getString();
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return number.bigIntegerValue().toString();
        }
        throw StoreException.invalid("Field 'booking' is required");
    }
}
