package ch.ticketpark.sandbox.store;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The believable data set the sandbox starts (and resets) with: the demo host with three venues, three sectors,
 * three events (five shows, prices, ticket options), three customers with confirmed bookings and tickets; and the
 * foreign host {@value Schema#FOREIGN_HOST} with one event that the demo user may read but not change.
 */
public final class SeedData {

    public static final String DEMO_HOST = "4f0bc3a2e7d91c55";

    public static final String COMEDY_EVENT = "5c6d7e8f9a0b1c2d";
    public static final String CLASSICS_EVENT = "9e8d7c6b5a403f21";
    public static final String JAZZ_EVENT = "a1b2c3d4e5f60718";
    public static final String FOREIGN_EVENT = "f0f0f0f0e0e0e0e0";

    public static final String COMEDY_SHOW_1 = "c0c0ffee00000001";
    public static final String COMEDY_SHOW_2 = "c0c0ffee00000002";
    public static final String CLASSICS_SHOW = "c1a551c500000001";
    public static final String JAZZ_SHOW_1 = "1a2200000000a001";
    public static final String JAZZ_SHOW_2 = "1a2200000000a002";
    public static final String FOREIGN_SHOW = "f0f0f0f0d0d0d0d0";

    public static final String VENUE_VOLKSHAUS = "7e0a000000000001";
    public static final String SECTOR_PARKETT = "5ec7000000000001";
    public static final String SECTOR_BALKON = "5ec7000000000002";
    public static final String SECTOR_STEHPLATZ = "5ec7000000000003";

    public static final String PRICE_COMEDY_PARKETT = "9a1ce00000000001";
    public static final String PRICE_JAZZ_STEHPLATZ = "9a1ce00000000005";

    public static final String PERSON_ANNA = "0B8F6C1E-3D2A-4F5B-9C7D-1E2F3A4B5C6D";
    public static final long BOOKING_ANNA = 293233446073L;

    private SeedData() {
    }

    static void load(ResourceStore store) {
        Loader load = new Loader(store);
        load.record(Schema.HOSTS, DEMO_HOST, "2025-11-03T09:00:00", o().add("name", "Ticketpark Demo Events AG"));
        load.record(Schema.HOSTS, Schema.FOREIGN_HOST, "2025-11-03T09:05:00",
                o().add("name", "Other Promoter GmbH"));

        load.record(Schema.VENUES, VENUE_VOLKSHAUS, "2025-11-04T10:00:00", o().add("host", DEMO_HOST)
                .add("name", "Volkshaus Zürich").add("city", "Zürich").add("street", "Stauffacherstrasse 60")
                .add("zip", "8004"));
        load.record(Schema.VENUES, "7e0a000000000002", "2025-11-04T10:05:00", o().add("host", DEMO_HOST)
                .add("name", "KKL Luzern").add("city", "Luzern").add("street", "Europaplatz 1").add("zip", "6005"));
        load.record(Schema.VENUES, "7e0a000000000003", "2025-11-04T10:10:00", o().add("host", DEMO_HOST)
                .add("name", "Bierhübeli").add("city", "Bern").add("street", "Neubrückstrasse 43")
                .add("zip", "3012"));
        load.record(Schema.VENUES, "f0f0f0f0c0c0c0c0", "2025-11-04T11:00:00", o().add("host", Schema.FOREIGN_HOST)
                .add("name", "Salle des Fêtes").add("city", "Genève"));

        load.record(Schema.SECTORS, SECTOR_PARKETT, "2025-11-05T08:00:00", sector(DEMO_HOST, "Parkett", "A", 40));
        load.record(Schema.SECTORS, SECTOR_BALKON, "2025-11-05T08:01:00", sector(DEMO_HOST, "Balkon", "B", 20));
        load.record(Schema.SECTORS, SECTOR_STEHPLATZ, "2025-11-05T08:02:00",
                sector(DEMO_HOST, "Stehplätze", "C", 80));
        load.record(Schema.SECTORS, "f0f0f0f0b0b0b0b0", "2025-11-05T08:03:00",
                sector(Schema.FOREIGN_HOST, "Saal", "A", 200));

        load.record(Schema.EVENTS, COMEDY_EVENT, "2026-03-20T14:45:00", event("Zurich Comedy Evening", false)
                .add("_translations", Json.createObjectBuilder()
                        .add("de", o().add("name", "Comedy-Abend Zürich"))
                        .add("en", o().add("name", "Zurich Comedy Evening"))));
        load.record(Schema.EVENTS, CLASSICS_EVENT, "2026-06-15T09:30:00", event("Lucerne Summer Classics", true));
        load.record(Schema.EVENTS, JAZZ_EVENT, "2026-09-01T10:15:00", event("Jazz Night Bern", true));
        load.record(Schema.EVENTS, FOREIGN_EVENT, "2026-09-02T12:00:00", o().add("host", Schema.FOREIGN_HOST)
                .add("name", "Gala de Genève").add("currency", "CHF"));

        load.record(Schema.SHOWS, COMEDY_SHOW_1, "2026-03-20T15:00:00",
                show(COMEDY_EVENT, VENUE_VOLKSHAUS, "2026-12-11 20:00:00", "2026-12-11 22:30:00"));
        load.record(Schema.SHOWS, COMEDY_SHOW_2, "2026-03-20T15:01:00",
                show(COMEDY_EVENT, VENUE_VOLKSHAUS, "2026-12-12 20:00:00", "2026-12-12 22:30:00"));
        load.record(Schema.SHOWS, CLASSICS_SHOW, "2026-06-15T10:00:00",
                show(CLASSICS_EVENT, "7e0a000000000002", "2027-07-10 19:30:00", "2027-07-10 22:00:00"));
        load.record(Schema.SHOWS, JAZZ_SHOW_1, "2026-09-01T11:00:00",
                show(JAZZ_EVENT, "7e0a000000000003", "2027-01-22 21:00:00", null));
        load.record(Schema.SHOWS, JAZZ_SHOW_2, "2026-09-01T11:01:00",
                show(JAZZ_EVENT, "7e0a000000000003", "2027-01-23 21:00:00", null));
        load.record(Schema.SHOWS, FOREIGN_SHOW, "2026-09-02T12:30:00",
                show(FOREIGN_EVENT, "f0f0f0f0c0c0c0c0", "2027-03-01 20:00:00", null));

        load.record(Schema.PRICES, PRICE_COMEDY_PARKETT, "2026-03-20T15:10:00", price(COMEDY_EVENT, "Parkett", "A",
                "45.00"));
        load.record(Schema.PRICES, "9a1ce00000000002", "2026-03-20T15:11:00", price(COMEDY_EVENT, "Balkon", "B",
                "35.00"));
        load.record(Schema.PRICES, "9a1ce00000000003", "2026-06-15T10:10:00", price(CLASSICS_EVENT,
                "Kategorie 1", "A", "89.00"));
        load.record(Schema.PRICES, "9a1ce00000000004", "2026-06-15T10:11:00", price(CLASSICS_EVENT,
                "Kategorie 2", "B", "59.00"));
        load.record(Schema.PRICES, PRICE_JAZZ_STEHPLATZ, "2026-09-01T11:10:00", price(JAZZ_EVENT, "Stehplatz",
                "C", "30.00"));
        load.record(Schema.PRICES, "9a1ce00000000006", "2026-09-01T11:11:00", price(JAZZ_EVENT,
                "Stehplatz ermässigt", "C", "22.00"));
        load.record(Schema.PRICES, "f0f0f0f0a0a0a0a0", "2026-09-02T12:40:00", price(FOREIGN_EVENT, "Standard",
                "A", "50.00"));

        load.record(Schema.TICKET_OPTION_GROUPS, "0be0000000000001", "2026-09-01T11:20:00", o()
                .add("event", JAZZ_EVENT).add("name", "Extras").add("required", false));
        load.record(Schema.TICKET_OPTIONS, "0b70000000000001", "2026-09-01T11:21:00", o()
                .add("ticket_option_group", "0be0000000000001").add("name", "Drink voucher").add("price", "8.00"));
        load.record(Schema.TICKET_OPTIONS, "0b70000000000002", "2026-09-01T11:22:00", o()
                .add("ticket_option_group", "0be0000000000001").add("name", "Programme booklet").add("price", "5.00"));
        load.record(Schema.TICKET_OPTION_LIMITATIONS, "0b11000000000001", "2026-09-01T11:23:00", o()
                .add("ticket_options", Json.createArrayBuilder().add("0b70000000000001")).add("limitation", 2)
                .add("scope", "booking"));
        load.record(Schema.OPTIONS, "0000000000000a01", "2026-09-01T11:24:00", o().add("event", JAZZ_EVENT)
                .add("name", "Parking").add("items_per_booking", 1).add("limitation", 50));

        load.record(Schema.PERSONS, PERSON_ANNA, "2026-10-01T18:02:00", person("Anna", "Muster",
                "anna.muster@example.ch", "Zürich"));
        load.record(Schema.PERSONS, "5A1D2E3F-4B5C-4D6E-8F70-8192A3B4C5D6", "2026-10-03T12:40:00",
                person("Beat", "Keller", "beat.keller@example.ch", "Bern"));
        load.record(Schema.PERSONS, "9C8B7A6D-5E4F-4A3B-B2C1-D0E9F8A7B6C5", "2026-10-07T09:15:00",
                person("Chiara", "Rossi", "chiara.rossi@example.ch", "Lugano"));

        String anna = Long.toString(BOOKING_ANNA);
        load.record(Schema.BOOKINGS, anna, "2026-10-01T18:05:00", booking(PERSON_ANNA, false));
        load.record(Schema.BOOKINGS, "418207365591", "2026-10-03T12:45:00",
                booking("5A1D2E3F-4B5C-4D6E-8F70-8192A3B4C5D6", true));
        load.record(Schema.BOOKINGS, "520914837266", "2026-10-07T09:20:00",
                booking("9C8B7A6D-5E4F-4A3B-B2C1-D0E9F8A7B6C5", false));

        load.ticket("6445cdbe3e9509e8", anna, COMEDY_SHOW_1, PRICE_COMEDY_PARKETT, SECTOR_PARKETT);
        load.ticket("6445cdbe3e9509e9", anna, COMEDY_SHOW_1, PRICE_COMEDY_PARKETT, SECTOR_PARKETT);
        load.ticket("6445cdbe3e950a01", "418207365591", JAZZ_SHOW_1, PRICE_JAZZ_STEHPLATZ, SECTOR_STEHPLATZ);
        load.ticket("6445cdbe3e950a02", "418207365591", JAZZ_SHOW_1, PRICE_JAZZ_STEHPLATZ, SECTOR_STEHPLATZ);
        load.ticket("6445cdbe3e950a03", "418207365591", JAZZ_SHOW_1, "9a1ce00000000006", SECTOR_STEHPLATZ);
        load.ticket("6445cdbe3e950a04", "418207365591", CLASSICS_SHOW, "9a1ce00000000004", SECTOR_BALKON);
        load.ticket("6445cdbe3e950b01", "520914837266", CLASSICS_SHOW, "9a1ce00000000003", SECTOR_PARKETT);
        load.ticket("6445cdbe3e950b02", "520914837266", CLASSICS_SHOW, "9a1ce00000000003", SECTOR_PARKETT);

        load.record(Schema.ANNOTATIONS, "a770000000000001", "2026-10-01T18:06:00", o().add("booking", BOOKING_ANNA)
                .add("text", "Wheelchair space needed"));
    }

    private static JsonObjectBuilder o() {
        return Json.createObjectBuilder();
    }

    private static JsonObjectBuilder sector(String host, String name, String category, int capacity) {
        return o().add("host", host).add("name", name).add("price_category", category).add("capacity", capacity);
    }

    private static JsonObjectBuilder event(String name, boolean digital) {
        return o().add("host", DEMO_HOST).add("name", name).add("currency", "CHF")
                .add("allow_digital_dispatch", digital);
    }

    private static JsonObjectBuilder show(String event, String venue, String start, String end) {
        JsonObjectBuilder show = o().add("event", event).add("venue", venue).add("start", start);
        return end == null ? show : show.add("end", end);
    }

    private static JsonObjectBuilder price(String event, String name, String category, String amount) {
        return o().add("event", event).add("name", name).add("price_category", category).add("price", amount);
    }

    private static JsonObjectBuilder person(String first, String last, String email, String city) {
        return o().add("firstname", first).add("lastname", last).add("email", email).add("city", city)
                .add("country", "CH");
    }

    private static JsonObjectBuilder booking(String customer, boolean delivery) {
        return o().add("customer", customer).add("confirmation", true).add("delivery", delivery)
                .add("currency", "CHF");
    }

    private record Loader(ResourceStore store) {

        void record(String collection, String pid, String createdLocal, JsonObjectBuilder body) {
            JsonObject json = body.build();
            store.seed(collection, pid, Values.parseDateTime(createdLocal.replace('T', ' ')), json);
        }

        void ticket(String pid, String booking, String show, String price, String sector) {
            record(Schema.TICKETS, pid, "2026-10-07T09:30:00", o().add("booking", booking).add("show", show)
                    .add("price", price).add("sector", sector));
        }
    }
}
