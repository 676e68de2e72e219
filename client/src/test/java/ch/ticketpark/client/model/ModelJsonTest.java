package ch.ticketpark.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The model records read and write the API's JSON with Yasson, the JSON-B implementation of Open Liberty. */
class ModelJsonTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void readsPidsThatAreNumbersOrStrings() {
        Booking booking = JSONB.fromJson("""
                {"pid":293233446073,"pid_readable":"2932-3344-6073","customer":"9B1DEB4D-3B7D-4BAD-9BDD-2B0D7B3DCB6D",
                 "confirmation":false}""", Booking.class);
        Ticket ticket = JSONB.fromJson("""
                {"pid":"6445cdbe3e9509e8","booking":293233446073,"show":"a1","price":17,"sector":"s1",
                 "ticket_options":[12,"o2"]}""", Ticket.class);

        assertThat(booking.pid()).isEqualTo("293233446073");
        assertThat(booking.pidReadable()).isEqualTo("2932-3344-6073");
        assertThat(booking.customer().pid()).isEqualTo("9B1DEB4D-3B7D-4BAD-9BDD-2B0D7B3DCB6D");
        assertThat(booking.customer().lastname()).isNull();
        assertThat(ticket.pid()).isEqualTo("6445cdbe3e9509e8");
        assertThat(ticket.booking()).isEqualTo("293233446073");
        assertThat(ticket.price()).isEqualTo("17");
        assertThat(ticket.ticketOptions()).containsExactly("12", "o2");
    }

    @Test
    void explicitNullDatetimesAndMoneyReadAsNull() {
        Show show = JSONB.fromJson("""
                {"pid":"s1","event":"e1","venue":"v1","start":"2026-12-01T20:00:00+0100","end":null}""", Show.class);
        Price price = JSONB.fromJson("""
                {"pid":"p1","event":"e1","name":"Free","price_category":"A","price":null,"created":null}""",
                Price.class);

        assertThat(show.end()).isNull();
        assertThat(show.start()).isNotNull();
        assertThat(price.price()).isNull();
        assertThat(price.created()).isNull();
    }

    @Test
    void readsTheExpandedCustomerAndTickets() {
        Booking booking = JSONB.fromJson("""
                {"pid":293233446073,
                 "customer":{"pid":"P1","firstname":"Hugo","lastname":"Muster","created":"2019-08-11T12:00:00+0200"},
                 "tickets":[{"pid":"t1","booking":293233446073,"show":"s"}]}""", Booking.class);

        assertThat(booking.customer().pid()).isEqualTo("P1");
        assertThat(booking.customer().lastname()).isEqualTo("Muster");
        assertThat(booking.customer().created()).isEqualTo(OffsetDateTime.of(2019, 8, 11, 12, 0, 0, 0,
                ZoneOffset.ofHours(2)));
        assertThat(booking.tickets()).extracting(Ticket::pid).containsExactly("t1");
    }

    @Test
    void writesTheCustomerAsItsPidAndLeavesOutWhatIsNotSet() {
        assertThat(JSONB.toJson(Booking.of("P1"))).isEqualTo("{\"customer\":\"P1\"}");
        assertThat(JSONB.toJson(Booking.confirmation(true))).isEqualTo("{\"confirmation\":true}");
    }

    @Test
    void readsTheOffsetWithoutColonAndWritesLocalZurichTime() {
        Show show = JSONB.fromJson("""
                {"pid":"s1","event":"e1","venue":"v1","start":"2019-08-11T12:00:00+0200",
                 "end":"2019-12-24T20:00:00+01:00","created":"2019-08-11T10:00:00Z"}""", Show.class);

        assertThat(show.start()).isEqualTo(OffsetDateTime.of(2019, 8, 11, 12, 0, 0, 0, ZoneOffset.ofHours(2)));
        assertThat(show.end()).isEqualTo(OffsetDateTime.of(2019, 12, 24, 20, 0, 0, 0, ZoneOffset.ofHours(1)));
        assertThat(show.created().toInstant()).isEqualTo(show.start().toInstant());

        OffsetDateTime utcNoon = OffsetDateTime.of(2020, 6, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        assertThat(JSONB.toJson(Show.of("e1", "v1", utcNoon)))
                .isEqualTo("{\"event\":\"e1\",\"start\":\"2020-06-01 12:00:00\",\"venue\":\"v1\"}");
    }

    @Test
    void readsMoneyAsStringOrNumberAndWritesAString() {
        Price fromString = JSONB.fromJson("{\"pid\":\"p\",\"price\":\"25.00\",\"price_category\":\"A\"}",
                Price.class);
        Price fromNumber = JSONB.fromJson("{\"pid\":\"p\",\"price\":50}", Price.class);
        TicketOption option = JSONB.fromJson("{\"price\":7.5}", TicketOption.class);

        assertThat(fromString.price()).isEqualByComparingTo("25");
        assertThat(fromString.priceCategory()).isEqualTo("A");
        assertThat(fromNumber.price()).isEqualByComparingTo("50");
        assertThat(option.price()).isEqualByComparingTo("7.5");
        assertThat(JSONB.toJson(Price.of("e1", "Adult", "A", new BigDecimal("25"))))
                .isEqualTo("{\"event\":\"e1\",\"name\":\"Adult\",\"price\":\"25.00\",\"price_category\":\"A\"}");
        assertThat(JSONB.toJson(TicketOption.of("g", "x").withPrice(new BigDecimal("0.125"))))
                .contains("\"price\":\"0.125\"");
    }

    @Test
    void ignoresFieldsTheApiAddsLater() {
        Event event = JSONB.fromJson("""
                {"pid":"e1","name":"Konzert","host":"h1","currency":"CHF","allow_digital_dispatch":true,
                 "_links":{"self":{"href":"https://api.ticketpark.ch/events/e1"}},"brand_new":[1,{"x":2}],
                 "created":"2019-08-11T12:00:00+0200"}""", Event.class);

        assertThat(event).isEqualTo(new Event("e1", "h1", "Konzert", "CHF", true, null,
                OffsetDateTime.of(2019, 8, 11, 12, 0, 0, 0, ZoneOffset.ofHours(2))));
    }

    @Test
    void readsAndWritesTranslations() {
        Event event = JSONB.fromJson("""
                {"pid":"e1","name":"Konzert","_translations":{"de":{"name":"Konzert"},"en":{"name":"Concert"}}}""",
                Event.class);

        assertThat(event.translations().get("en")).containsEntry("name", "Concert");
        assertThat(event.translations().get("de")).containsEntry("name", "Konzert");
        assertThat(JSONB.toJson(Event.of("h1", "Konzert", "CHF").withAllowDigitalDispatch(true)
                .withTranslations(Map.of("en", Map.of("name", "Concert")))))
                .isEqualTo("{\"_translations\":{\"en\":{\"name\":\"Concert\"}},\"allow_digital_dispatch\":true,"
                        + "\"currency\":\"CHF\",\"host\":\"h1\",\"name\":\"Konzert\"}");
    }

    @Test
    void readsTheExpandedCapacityOfAShow() {
        Show show = JSONB.fromJson("""
                {"pid":"s1","capacity":{"total":{"total":100,"sold":3,"available":97},
                 "public":{"total":80,"sold":3,"available":77}}}""", Show.class);

        assertThat(show.capacity().total()).isEqualTo(new Capacity.Counts(100, 3, 97));
        assertThat(show.capacity().publicSale()).isEqualTo(new Capacity.Counts(80, 3, 77));
    }

    @Test
    void writesTheOtherRecordsWithTheApiFieldNames() {
        assertThat(JSONB.toJson(Sector.of("h", "Parkett", "A", 100)))
                .isEqualTo("{\"capacity\":100,\"host\":\"h\",\"name\":\"Parkett\",\"price_category\":\"A\"}");
        assertThat(JSONB.toJson(TicketOptionLimitation.of(List.of("o1", "o2"), 2,
                TicketOptionLimitation.PER_BOOKING)))
                .isEqualTo("{\"limitation\":2,\"scope\":\"booking\",\"ticket_options\":[\"o1\",\"o2\"]}");
        assertThat(JSONB.toJson(new Option(null, "e", "Parking", 1, 50, null)))
                .isEqualTo("{\"event\":\"e\",\"items_per_booking\":1,\"limitation\":50,\"name\":\"Parking\"}");
        assertThat(JSONB.toJson(TicketOption.of("g", "Menu")))
                .isEqualTo("{\"name\":\"Menu\",\"ticket_option_group\":\"g\"}");
        assertThat(JSONB.toJson(EmailRequest.confirmation("293233446073")))
                .isEqualTo("{\"booking\":\"293233446073\",\"type\":\"confirmation\"}");
    }
}
