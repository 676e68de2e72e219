package it.sandbox;

import static it.sandbox.SandboxHttp.expect;
import static it.sandbox.SandboxHttp.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.sandbox.client.Email;
import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.junit.SandboxExtension;

/** The three cookbook flows of the Ticketpark documentation, as plain HTTP scripts against the sandbox. */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(SandboxExtension.class)
@RunAsClient
class SandboxCookbookIT {

    private static final String HOST = "4f0bc3a2e7d91c55";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SandboxHttp.emptyWar("sandbox-cookbook-it");
    }

    private final SandboxHttp api = new SandboxHttp();
    /** Reset before each test by the extension. */
    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @Test
    void createAnEvent() {
        // 1. the venue
        String venue = expect(201, api.post("/venues/", object("""
                {"host": "%s", "name": "Schiffbau", "city": "Zürich"}""".formatted(HOST)))).createdPid();

        // 2. its sectors, in one request
        Reply sectors = expect(201, api.post("/sectors/", Json.createArrayBuilder()
                .add(object("""
                        {"host": "%s", "name": "Halle", "price_category": "H", "capacity": 30}""".formatted(HOST)))
                .add(object("""
                        {"host": "%s", "name": "Box", "price_category": "K", "capacity": 10}""".formatted(HOST)))
                .build()));
        assertThat(api.getUrl(sectors.header("location").orElseThrow()).pids()).hasSize(2);

        // 3. the event
        String event = expect(201, api.post("/events/", object("""
                {"host": "%s", "name": "Theatre Night", "allow_digital_dispatch": true, "currency": "CHF"}"""
                .formatted(HOST)))).createdPid();

        // 4. a show of the event at the venue
        String show = expect(201, api.post("/shows/", object("""
                {"event": "%s", "venue": "%s", "start": "2027-06-01 12:00:00"}""".formatted(event, venue))))
                .createdPid();

        // 5. its prices, in one request
        expect(201, api.post("/prices/", Json.createArrayBuilder()
                .add(object("""
                        {"event": "%s", "name": "Halle", "price_category": "H", "price": "25.00"}""".formatted(event)))
                .add(object("""
                        {"event": "%s", "name": "Box", "price_category": "K", "price": "60.00"}""".formatted(event)))
                .build()));

        JsonObject created = api.get("/events/" + event + "?properties[shows]=1").json();
        assertThat(created.getString("name")).isEqualTo("Theatre Night");
        assertThat(created.getJsonArray("shows").getJsonObject(0).getString("start"))
                .isEqualTo("2027-06-01T12:00:00+0200");
        JsonObject capacity = api.get("/shows/" + show + "?properties[capacity]=1").json().getJsonObject("capacity");
        assertThat(capacity.getJsonObject("total")).isEqualTo(object("""
                {"total": 40, "sold": 0, "available": 40}"""));
    }

    @Test
    void createABookingConfirmItAndSendTheConfirmation() {
        String show = "c0c0ffee00000002";
        String price = "9a1ce00000000002";
        String sector = "5ec7000000000002";

        // 1. the customer
        String person = expect(201, api.post("/persons/", object("""
                {"firstname": "Lea", "lastname": "Meier", "email": "lea.meier@example.ch"}""")))
                .createdPid();

        // 2. the booking, unconfirmed for now
        String booking = expect(201, api.post("/bookings/", object("""
                {"customer": "%s"}""".formatted(person)))).createdPid();

        // 3. its tickets
        expect(201, api.post("/tickets/", Json.createArrayBuilder()
                .add(object("""
                        {"booking": %s, "show": "%s", "price": "%s", "sector": "%s"}"""
                        .formatted(booking, show, price, sector)))
                .add(object("""
                        {"booking": %s, "show": "%s", "price": "%s", "sector": "%s"}"""
                        .formatted(booking, show, price, sector)))
                .build()));

        // no confirmation e-mail for an unconfirmed booking
        assertThat(api.post("/email/send", object("""
                {"booking": %s, "type": "confirmation"}""".formatted(booking))).status()).isEqualTo(409);

        // 4. confirm it (unconfirmed bookings are released after 30 minutes)
        expect(204, api.patch("/bookings/" + booking, object("""
                {"confirmation": true}""")));

        // 5. send the confirmation
        expect(204, api.post("/email/send", object("""
                {"booking": %s, "type": "confirmation"}""".formatted(booking))));

        List<Email> emails = sandbox.emails();
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).recipient()).isEqualTo("lea.meier@example.ch");
        assertThat(emails.get(0).booking()).isEqualTo(booking);
        assertThat(api.get("/shows/" + show + "?properties[capacity]=1").json().getJsonObject("capacity")
                .getJsonObject("total").getInt("sold")).isEqualTo(2);
        sandbox.advanceClock(Duration.ofSeconds(31 * 60));
        api.logInAgain();
        expect(200, api.get("/bookings/" + booking));
    }

    @Test
    void readBookingsWithCustomerAndTickets() {
        String event = "9e8d7c6b5a403f21";

        // the bookings of an event, a page at a time
        Reply page = expect(200, api.get("/events/" + event + "/bookings/?properties[customer]=true"
                + "&properties[tickets]=true&maxResults=10&page=0"));
        assertThat(page.count()).isEqualTo(2);

        // one booking, with its customer and tickets
        String pid = Reply.pid(page.array().getJsonObject(1));
        JsonObject booking = expect(200, api.get("/bookings/" + pid + "?properties[customer]=true"
                + "&properties[tickets]=true")).json();

        assertThat(booking).isEqualTo(page.array().getJsonObject(1));
        assertThat(booking.getJsonObject("customer").getString("firstname")).isEqualTo("Chiara");
        assertThat(booking.getJsonArray("tickets")).hasSize(2);
        assertThat(booking.getJsonArray("tickets").getJsonObject(0).getString("show")).isEqualTo("c1a551c500000001");
    }
}
