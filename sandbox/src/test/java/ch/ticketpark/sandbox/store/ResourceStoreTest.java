package ch.ticketpark.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ch.ticketpark.sandbox.MutableClock;
import ch.ticketpark.sandbox.SandboxStats;

class ResourceStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    private final SandboxStats stats = new SandboxStats();
    private final ResourceStore store = new ResourceStore(clock, StoreSettings.defaults(), stats, changes -> {
    });

    @Test
    void seedsAHostWithEventsAndTheForeignHostWithOne() {
        assertThat(names(store.list(Schema.EVENTS, Query.all()))).containsExactly("Zurich Comedy Evening",
                "Lucerne Summer Classics", "Jazz Night Bern", "Gala de Genève");
        assertThat(store.list(Schema.EVENTS, QueryParser.parse("filters[host]=" + Schema.FOREIGN_HOST)).total())
                .isEqualTo(1);
        assertThat(store.list(Schema.BOOKINGS, Query.all()).items()).allMatch(booking -> booking.flag(
                "confirmation"));
    }

    @Test
    void createsWithDefaultsAPidOfTheCollectionsStyleAndTheClocksTime() {
        Entity booking = store.create(Schema.BOOKINGS, json("{\"customer\":\"" + SeedData.PERSON_ANNA + "\"}"));

        assertThat(booking.pid()).matches("\\d{12}");
        assertThat(booking.flag("confirmation")).isFalse();
        assertThat(booking.string("currency")).isEqualTo("CHF");
        assertThat(booking.created().toInstant()).isEqualTo(clock.instant());
        assertThat(store.get(Schema.BOOKINGS, booking.pid())).isEqualTo(booking);
    }

    @Test
    void refusesMissingFieldsWrongTypesAndUnknownReferencesWith409() {
        assertStatus(409, () -> store.create(Schema.VENUES, json("{\"host\":\"" + SeedData.DEMO_HOST + "\"}")));
        assertStatus(409, () -> store.create(Schema.SECTORS, json("{\"host\":\"" + SeedData.DEMO_HOST
                + "\",\"name\":\"x\",\"price_category\":\"A\",\"capacity\":1.5}")));
        assertStatus(409, () -> store.create(Schema.SHOWS, json("{\"event\":\"nope\",\"venue\":\""
                + SeedData.VENUE_VOLKSHAUS + "\",\"start\":\"2027-01-01 20:00:00\"}")));
    }

    @Test
    void batchCreateIsAtomicAndOrdered() {
        String batch = store.createMany(Schema.PERSONS, array("[{\"firstname\":\"A\",\"lastname\":\"One\"},"
                + "{\"firstname\":\"B\",\"lastname\":\"Two\"}]"));

        Page created = store.list(Schema.PERSONS, QueryParser.parse("filters[batchId]=" + batch
                + "&orderBy[batchOrder]=desc"));
        assertThat(created.items()).extracting(person -> person.string("lastname")).containsExactly("Two", "One");

        long before = store.list(Schema.PERSONS, Query.all()).total();
        assertStatus(409, () -> store.createMany(Schema.PERSONS, array("[{\"firstname\":\"C\",\"lastname\":\"x\"},"
                + "{\"firstname\":\"D\"}]")));
        assertThat(store.list(Schema.PERSONS, Query.all()).total()).isEqualTo(before);
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndRefusesNullForRequiredOnes() {
        clock.advance(Duration.ofMinutes(5));
        store.patch(Schema.EVENTS, SeedData.JAZZ_EVENT, json("{\"name\":\"Jazz Night Berne\",\"pid\":\"ignored\"}"));

        Entity event = store.get(Schema.EVENTS, SeedData.JAZZ_EVENT);
        assertThat(event.string("name")).isEqualTo("Jazz Night Berne");
        assertThat(event.string("currency")).isEqualTo("CHF");
        assertThat(event.updated().toInstant()).isEqualTo(clock.instant());
        assertStatus(409, () -> store.patch(Schema.EVENTS, SeedData.JAZZ_EVENT, json("{\"currency\":null}")));
        assertStatus(404, () -> store.patch(Schema.EVENTS, "0000000000000000", json("{}")));
    }

    @Test
    void foreignRecordsAreReadOnly() {
        assertThat(store.get(Schema.EVENTS, SeedData.FOREIGN_EVENT).string("host")).isEqualTo(Schema.FOREIGN_HOST);

        assertStatus(403, () -> store.patch(Schema.EVENTS, SeedData.FOREIGN_EVENT, json("{\"name\":\"x\"}")));
        assertStatus(403, () -> store.delete(Schema.SHOWS, SeedData.FOREIGN_SHOW));
        assertStatus(403, () -> store.create(Schema.PRICES, json("{\"event\":\"" + SeedData.FOREIGN_EVENT
                + "\",\"name\":\"x\",\"price_category\":\"A\",\"price\":\"1.00\"}")));
        assertStatus(403, () -> store.patch(Schema.SHOWS, SeedData.COMEDY_SHOW_1, json("{\"event\":\""
                + SeedData.FOREIGN_EVENT + "\"}")));
    }

    @Test
    void deleteCascadesToChildrenAndRefusesWhileOthersStillReferToThem() {
        Entity event = store.create(Schema.EVENTS, json("{\"host\":\"" + SeedData.DEMO_HOST
                + "\",\"name\":\"E\",\"currency\":\"CHF\"}"));
        Entity group = store.create(Schema.TICKET_OPTION_GROUPS, json("{\"event\":\"" + event.pid()
                + "\",\"name\":\"G\"}"));
        Entity option = store.create(Schema.TICKET_OPTIONS, json("{\"ticket_option_group\":\"" + group.pid()
                + "\",\"name\":\"O\"}"));
        Entity limitation = store.create(Schema.TICKET_OPTION_LIMITATIONS, json("{\"ticket_options\":[\""
                + option.pid() + "\"],\"limitation\":1,\"scope\":\"show\"}"));

        assertStatus(409, () -> store.delete(Schema.EVENTS, event.pid()));

        store.delete(Schema.TICKET_OPTION_LIMITATIONS, limitation.pid());
        store.delete(Schema.EVENTS, event.pid());
        assertStatus(404, () -> store.get(Schema.TICKET_OPTION_GROUPS, group.pid()));
        assertStatus(404, () -> store.get(Schema.TICKET_OPTIONS, option.pid()));
    }

    @Test
    void unconfirmedBookingsExpireLazilyWithTheirTickets() {
        Entity booking = store.create(Schema.BOOKINGS, json("{\"customer\":\"" + SeedData.PERSON_ANNA + "\"}"));
        Entity ticket = store.create(Schema.TICKETS, json("{\"booking\":" + booking.pid() + ",\"show\":\""
                + SeedData.COMEDY_SHOW_1 + "\",\"price\":\"" + SeedData.PRICE_COMEDY_PARKETT + "\",\"sector\":\""
                + SeedData.SECTOR_PARKETT + "\"}"));
        assertThat(store.capacity(SeedData.COMEDY_SHOW_1)).isEqualTo(new Capacity(60, 3));

        clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(store.get(Schema.BOOKINGS, booking.pid())).isNotNull();
        clock.advance(Duration.ofSeconds(1));

        assertStatus(404, () -> store.get(Schema.BOOKINGS, booking.pid()));
        assertStatus(404, () -> store.get(Schema.TICKETS, ticket.pid()));
        assertThat(store.capacity(SeedData.COMEDY_SHOW_1)).isEqualTo(new Capacity(60, 2));
        assertThat(stats.counters()).containsEntry(ch.ticketpark.sandbox.Counter.BOOKINGS_EXPIRED, 1L);
    }

    @Test
    void confirmedBookingsDoNotExpireAndTheLifetimeIsConfigurable() {
        ResourceStore quick = new ResourceStore(clock, new StoreSettings(Duration.ofMinutes(1)), stats,
                changes -> {
                });
        Entity unconfirmed = quick.create(Schema.BOOKINGS, json("{\"customer\":\"" + SeedData.PERSON_ANNA + "\"}"));
        Entity confirmed = quick.create(Schema.BOOKINGS, json("{\"customer\":\"" + SeedData.PERSON_ANNA
                + "\",\"confirmation\":true}"));

        clock.advance(Duration.ofMinutes(1));

        assertStatus(404, () -> quick.get(Schema.BOOKINGS, unconfirmed.pid()));
        assertThat(quick.get(Schema.BOOKINGS, confirmed.pid())).isNotNull();
    }

    @Test
    void aSoldOutSectorTakesNoMoreTickets() {
        Entity sector = store.create(Schema.SECTORS, json("{\"host\":\"" + SeedData.DEMO_HOST
                + "\",\"name\":\"Tiny\",\"price_category\":\"A\",\"capacity\":1}"));
        String ticket = "{\"booking\":" + SeedData.BOOKING_ANNA + ",\"show\":\"" + SeedData.COMEDY_SHOW_2
                + "\",\"price\":\"" + SeedData.PRICE_COMEDY_PARKETT + "\",\"sector\":\"" + sector.pid() + "\"}";
        store.create(Schema.TICKETS, json(ticket));

        assertThatThrownBy(() -> store.create(Schema.TICKETS, json(ticket))).hasMessageContaining("sold out");
    }

    @Test
    void filtersOrderAndPages() {
        Page page = store.list(Schema.PRICES, QueryParser.parse("filters[price][_comp]=gte&filters[price][_value]=30"
                + "&orderBy[price]=desc&maxResults=2&page=1"));

        assertThat(page.total()).isEqualTo(6);
        assertThat(page.items()).extracting(price -> price.value("price").toString()).containsExactly("50.00",
                "45.00");
        assertThat(store.list(Schema.BOOKINGS, QueryParser.parse("filters[customer][city]=Lugano")).items())
                .extracting(Entity::pid).containsExactly("520914837266");
        assertStatus(409, () -> store.list(Schema.BOOKINGS, QueryParser.parse("filters[confirmation][x]=1")));
    }

    @Test
    void bookingsOfAnEventAreThoseWithATicketForOneOfItsShows() {
        assertThat(store.bookingsOfEvent(SeedData.CLASSICS_EVENT, Query.all()).items()).extracting(Entity::pid)
                .containsExactly("418207365591", "520914837266");
        assertStatus(404, () -> store.bookingsOfEvent("0000000000000000", Query.all()));
    }

    @Test
    void resetRestoresTheSeed() {
        store.delete(Schema.BOOKINGS, Long.toString(SeedData.BOOKING_ANNA));

        store.reset();

        assertThat(store.get(Schema.BOOKINGS, Long.toString(SeedData.BOOKING_ANNA))).isNotNull();
    }

    private static List<String> names(Page page) {
        return page.items().stream().map(entity -> entity.string("name")).toList();
    }

    private static void assertStatus(int status, Runnable action) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.status()).isEqualTo(status));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static JsonArray array(String text) {
        return Json.createReader(new StringReader(text)).readArray();
    }
}
