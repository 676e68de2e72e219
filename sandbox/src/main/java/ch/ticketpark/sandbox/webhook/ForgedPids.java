package ch.ticketpark.sandbox.webhook;

import java.util.Locale;
import java.util.UUID;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import ch.ticketpark.sandbox.store.PidStyle;
import ch.ticketpark.sandbox.store.ResourceStore;
import ch.ticketpark.sandbox.store.Schema;

/**
 * The payload of a {@link WebhookFaultType#FORGED_PID} delivery: its {@code booking_pid} replaced by a booking pid the
 * store does not know (999999999999, or the next lower one the store does not have), its {@code person_pid} by a random
 * upper-case UUID the store does not know. A payload with neither goes out unchanged.
 */
@ApplicationScoped
public class ForgedPids {

    static final long FORGED_BOOKING = 999_999_999_999L;

    private final BiPredicate<String, String> known;

    @Inject
    public ForgedPids(ResourceStore store) {
        this((collection, pid) -> store.peek(collection, pid).isPresent());
    }

    /** @param known whether the store has a record of this collection and pid */
    ForgedPids(BiPredicate<String, String> known) {
        this.known = known;
    }

    /** For the CDI client proxy only. */
    protected ForgedPids() {
        this.known = null;
    }

    JsonObject forge(JsonObject payload) {
        JsonObjectBuilder forged = Json.createObjectBuilder(payload);
        if (payload.containsKey(Webhook.BOOKING_PID)) {
            long pid = FORGED_BOOKING;
            while (known.test(Schema.BOOKINGS, Long.toString(pid))) {
                pid--;
            }
            forged.add(Webhook.BOOKING_PID, PidStyle.NUMBER.toJson(Long.toString(pid)));
        }
        if (payload.containsKey(Webhook.PERSON_PID)) {
            String pid;
            do {
                pid = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
            } while (known.test(Schema.PERSONS, pid));
            forged.add(Webhook.PERSON_PID, pid);
        }
        return forged.build();
    }
}
