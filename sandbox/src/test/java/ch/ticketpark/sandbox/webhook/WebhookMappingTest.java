package ch.ticketpark.sandbox.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import ch.ticketpark.sandbox.MutableClock;
import ch.ticketpark.sandbox.SandboxStats;
import ch.ticketpark.sandbox.store.Entity;
import ch.ticketpark.sandbox.store.ResourceStore;
import ch.ticketpark.sandbox.store.Schema;
import ch.ticketpark.sandbox.store.SeedData;
import ch.ticketpark.sandbox.store.StoreSettings;

/** Which store changes send which webhooks: a real store, its changes mapped as the trigger maps them. */
class WebhookMappingTest {

    private static final String CONFIRMED = "418207365591";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    private final List<Webhook> sent = new CopyOnWriteArrayList<>();
    private final ResourceStore store = new ResourceStore(clock, StoreSettings.defaults(), new SandboxStats(),
            changes -> sent.addAll(WebhookMapping.webhooks(changes, this::confirmed)));

    private boolean confirmed(String booking) {
        return store.peek(Schema.BOOKINGS, booking).map(WebhookMapping::confirmed).orElse(false);
    }

    @Test
    void seedingAndResetSendNothing() {
        store.patch(Schema.EVENTS, SeedData.JAZZ_EVENT, json("{\"name\":\"Jazz Night Berne\"}"));
        store.reset();

        assertThat(sent).isEmpty();
    }

    @Test
    void aBookingCreatedConfirmedIsANewBookingWithItsPidAsANumber() {
        Entity booking = store.create(Schema.BOOKINGS, json("{\"customer\":\"" + SeedData.PERSON_ANNA
                + "\",\"confirmation\":true}"));

        assertThat(sent).containsExactly(new Webhook("new-booking", json("{\"booking_pid\":" + booking.pid() + "}")));
        assertThat(sent.get(0).payload().get("booking_pid").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
    }

    @Test
    void anUnconfirmedBookingAndItsTicketsSendNothingUntilItIsConfirmed() {
        Entity booking = store.create(Schema.BOOKINGS, json("{\"customer\":\"" + SeedData.PERSON_ANNA + "\"}"));
        store.create(Schema.TICKETS, ticket(booking.pid()));
        store.patch(Schema.BOOKINGS, booking.pid(), json("{\"remarks\":\"still thinking\"}"));
        assertThat(sent).isEmpty();

        store.patch(Schema.BOOKINGS, booking.pid(), json("{\"confirmation\":true}"));
        store.patch(Schema.BOOKINGS, booking.pid(), json("{\"confirmation\":true}"));

        assertThat(sent).extracting(Webhook::type).containsExactly("new-booking");
    }

    @Test
    void aConfirmedBookingPatchedToUnconfirmedIsCancelledAndItsDeleteSendsNothing() {
        Entity booking = store.create(Schema.BOOKINGS, json("{\"customer\":\"" + SeedData.PERSON_ANNA
                + "\",\"confirmation\":true}"));
        sent.clear();

        store.patch(Schema.BOOKINGS, booking.pid(), json("{\"confirmation\":false}"));
        store.patch(Schema.BOOKINGS, booking.pid(), json("{\"confirmation\":false}"));
        store.delete(Schema.BOOKINGS, CONFIRMED); // with its tickets

        assertThat(sent).containsExactly(new Webhook("booking-cancelled", json("{\"booking_pid\":" + booking.pid()
                + "}")));
        assertThat(store.peek(Schema.BOOKINGS, booking.pid())).isPresent();
    }

    @Test
    void ticketsCreatedPatchedAndDeletedInAConfirmedBooking() {
        Entity ticket = store.create(Schema.TICKETS, ticket(CONFIRMED));
        store.patch(Schema.TICKETS, "6445cdbe3e950a01", json("{\"sector\":\"" + SeedData.SECTOR_STEHPLATZ + "\"}"));
        store.delete(Schema.TICKETS, ticket.pid());

        assertThat(sent).containsExactly(
                new Webhook("booking-tickets-updated", json("{\"booking_pid\":" + CONFIRMED + ",\"ticket_pids\":[\""
                        + ticket.pid() + "\"]}")),
                new Webhook("booking-tickets-updated", json("{\"booking_pid\":" + CONFIRMED
                        + ",\"ticket_pids\":[\"6445cdbe3e950a01\"]}")),
                new Webhook("booking-tickets-deleted", json("{\"booking_pid\":" + CONFIRMED + ",\"ticket_pids\":[\""
                        + ticket.pid() + "\"]}")));
    }

    @Test
    void aBatchSendsOneWebhookPerBookingWithAllItsTickets() {
        Entity other = store.create(Schema.BOOKINGS, json("{\"customer\":\"" + SeedData.PERSON_ANNA
                + "\",\"confirmation\":true}"));
        Entity unconfirmed = store.create(Schema.BOOKINGS, json("{\"customer\":\"" + SeedData.PERSON_ANNA + "\"}"));
        sent.clear();

        store.createMany(Schema.TICKETS, Json.createArrayBuilder().add(ticket(CONFIRMED)).add(ticket(other.pid()))
                .add(ticket(unconfirmed.pid())).add(ticket(CONFIRMED)).build());
        store.patchMany(Schema.TICKETS, array("[{\"pid\":\"6445cdbe3e950a01\",\"sector\":\""
                + SeedData.SECTOR_STEHPLATZ + "\"},{\"pid\":\"6445cdbe3e950a02\",\"sector\":\""
                + SeedData.SECTOR_STEHPLATZ + "\"}]"));

        assertThat(sent).hasSize(3);
        assertThat(sent.get(0).payload().getJsonNumber("booking_pid").longValue()).isEqualTo(Long.parseLong(CONFIRMED));
        assertThat(sent.get(0).payload().getJsonArray("ticket_pids")).hasSize(2);
        assertThat(sent.get(1).payload().getJsonNumber("booking_pid").longValue()).isEqualTo(Long.parseLong(other
                .pid()));
        assertThat(sent.get(1).payload().getJsonArray("ticket_pids")).hasSize(1);
        assertThat(sent.get(2)).isEqualTo(new Webhook("booking-tickets-updated", json("{\"booking_pid\":" + CONFIRMED
                + ",\"ticket_pids\":[\"6445cdbe3e950a01\",\"6445cdbe3e950a02\"]}")));
    }

    @Test
    void personsCreatedAndPatchedButNotDeleted() {
        Entity person = store.create(Schema.PERSONS, json("{\"firstname\":\"Dora\",\"lastname\":\"Egli\"}"));
        store.patch(Schema.PERSONS, person.pid(), json("{\"lastname\":\"Egli-Frei\"}"));
        store.delete(Schema.PERSONS, person.pid());

        assertThat(sent).containsExactly(new Webhook("new-person", json("{\"person_pid\":\"" + person.pid() + "\"}")),
                new Webhook("new-updated", json("{\"person_pid\":\"" + person.pid() + "\"}")));
    }

    @Test
    void theExpiryOfAnUnconfirmedBookingSendsNothing() {
        Entity booking = store.create(Schema.BOOKINGS, json("{\"customer\":\"" + SeedData.PERSON_ANNA + "\"}"));
        store.create(Schema.TICKETS, ticket(booking.pid()));

        clock.advance(Duration.ofHours(1));
        store.list(Schema.BOOKINGS, ch.ticketpark.sandbox.store.Query.all());

        assertThat(store.peek(Schema.BOOKINGS, booking.pid())).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void aFailedOperationSendsNothing() {
        try {
            store.createMany(Schema.PERSONS,
                    array("[{\"firstname\":\"A\",\"lastname\":\"One\"},{\"firstname\":\"B\"}]"));
        } catch (RuntimeException expected) {
            // 409: the second has no lastname
        }

        assertThat(sent).isEmpty();
    }

    @Test
    void aListenerThatFailsDoesNotFailTheChange() {
        ResourceStore failing = new ResourceStore(clock, StoreSettings.defaults(), new SandboxStats(), changes -> {
            throw new IllegalStateException("the queue is gone");
        });

        Entity person = failing.create(Schema.PERSONS, json("{\"firstname\":\"Dora\",\"lastname\":\"Egli\"}"));

        assertThat(failing.peek(Schema.PERSONS, person.pid())).isPresent();
    }

    private static JsonObject ticket(String booking) {
        return json("{\"booking\":" + booking + ",\"show\":\"" + SeedData.COMEDY_SHOW_2 + "\",\"price\":\""
                + SeedData.PRICE_COMEDY_PARKETT + "\",\"sector\":\"" + SeedData.SECTOR_PARKETT + "\"}");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static JsonArray array(String text) {
        return Json.createReader(new StringReader(text)).readArray();
    }
}
