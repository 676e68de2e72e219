package it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Person;
import ch.ticketpark.client.model.Ticket;
import ch.ticketpark.client.webhook.BookingCancelled;
import ch.ticketpark.client.webhook.BookingTicketsDeleted;
import ch.ticketpark.client.webhook.BookingTicketsUpdated;
import ch.ticketpark.client.webhook.NewBooking;
import ch.ticketpark.client.webhook.NewPayment;
import ch.ticketpark.client.webhook.NewPerson;
import ch.ticketpark.client.webhook.PersonUpdated;
import ch.ticketpark.client.webhook.TicketparkWebhook;
import ch.ticketpark.client.webhook.UnknownWebhook;
import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.WebhookDelivery;
import ch.ticketpark.sandbox.client.WebhookFault;
import it.Awaits;
import it.Deployments;
import it.Sandbox;

/**
 * Webhooks from the sandbox, received by an application on Liberty: each type fires its event once, carrying the
 * record as the API returns it; a wrong secret, a forged pid and a duplicate fire nothing; a burst is answered at once
 * and every delivery of it fires once.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookIT {

    /** The webhook secret of this deployment; the build's secret scan looks for it in every log. */
    private static final String SECRET = Sandbox.WEBHOOK_SECRET;
    static final String NAME = "webhook-it";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Query WHOLE_BOOKING = Query.create().expand("customer", "tickets");

    @Deployment
    static WebArchive deployment() {
        Map<String, String> config = new java.util.LinkedHashMap<>(Deployments.sandboxConfig());
        config.put("ticketpark.webhook.enabled", "true");
        config.put("ticketpark.webhook.secret", SECRET);
        return ApiDeployments.war(NAME, config, Cookbook.class, WebhookRecorder.class);
    }

    @Inject
    Api api;

    @Inject
    Cookbook cookbook;

    @Inject
    WebhookRecorder recorder;

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void listen() {
        api.resetSandbox();
        sandbox.webhookCallback(receiver(SECRET));
        recorder.clear();
    }

    @Test
    void aBookingMadeThroughTheApiFiresOneNewBookingCarryingTheBookingAsTheApiReturnsIt() throws Exception {
        Cookbook.NewBooking booked = cookbook.book(Person.of("Hugo", "Muster").withEmail("hugo@example.com"),
                Seed.COMEDY_SHOW, Seed.PRICE_COMEDY_PARKETT, Seed.SECTOR_PARKETT, 2);

        List<WebhookDelivery> deliveries = sandbox.awaitWebhooks(2, WAIT);
        assertThat(deliveries).extracting(WebhookDelivery::type).containsExactly("new-person", "new-booking");
        assertThat(deliveries).extracting(WebhookDelivery::status).containsOnly(200);
        awaitHeard(2);

        Booking now = api.call(c -> c.bookings().get(booked.booking(), WHOLE_BOOKING));
        assertThat(recorder.heard(NewBooking.class)).singleElement().satisfies(event -> {
            assertThat(event.booking()).isEqualTo(now);
            assertThat(event.booking().confirmation()).isTrue();
            assertThat(event.booking().customer().lastname()).isEqualTo("Muster");
            assertThat(event.booking().tickets()).extracting(Ticket::pid)
                    .containsExactlyInAnyOrderElementsOf(booked.tickets().stream().map(Ticket::pid).toList());
        });
        assertThat(recorder.heard(NewPerson.class)).singleElement()
                .satisfies(event -> assertThat(event.person())
                        .isEqualTo(api.call(c -> c.persons().get(booked.customer()))));
        Awaits.until("the asynchronous observer hears both", () -> recorder.heardAsync().size() == 2);
        assertThat(recorder.heardAsync()).containsExactlyInAnyOrderElementsOf(recorder.heard());
    }

    @Test
    void eachDocumentedTypeFiresItsEventOnce() throws Exception {
        Cookbook.NewBooking booked = cookbook.book(Person.of("Lea", "Weber").withEmail("lea@example.com"),
                Seed.COMEDY_SHOW,
                Seed.PRICE_COMEDY_PARKETT, Seed.SECTOR_PARKETT, 2);
        String booking = booked.booking();
        String kept = booked.tickets().get(0).pid();
        String dropped = booked.tickets().get(1).pid();
        api.call(c -> {
            c.persons().update(booked.customer(), Person.of("Lea", "Weber-Muster"));
            c.tickets().delete(dropped);
            c.tickets().update(kept, Ticket.of(booking, Seed.COMEDY_SHOW, Seed.PRICE_COMEDY_PARKETT,
                    Seed.SECTOR_PARKETT));
            c.bookings().update(booking, Booking.confirmation(false));
            return null;
        });
        sandbox.sendWebhook("new-payment", "{\"booking_pid\":" + booking + ",\"payment_pid\":\"P-1\","
                + "\"payment_method\":\"twint\",\"currency\":\"CHF\",\"amount\":\"45.00\"}");
        sandbox.sendWebhook("booking-rebooked", "{\"booking_pid\":" + booking + "}");

        List<WebhookDelivery> deliveries = sandbox.awaitWebhooks(8, WAIT);
        assertThat(deliveries).extracting(WebhookDelivery::type).containsExactly("new-person", "new-booking",
                "new-updated", "booking-tickets-deleted", "booking-tickets-updated", "booking-cancelled",
                "new-payment", "booking-rebooked");
        awaitHeard(8);

        Booking cancelled = api.call(c -> c.bookings().get(booking, WHOLE_BOOKING));
        Map<Class<?>, Long> counts = recorder.heard().stream()
                .collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));
        assertThat(counts).containsOnlyKeys(NewPerson.class, NewBooking.class, PersonUpdated.class,
                BookingTicketsDeleted.class, BookingTicketsUpdated.class, BookingCancelled.class, NewPayment.class,
                UnknownWebhook.class).allSatisfy((type, count) -> assertThat(count).as("%s", type).isEqualTo(1));
        assertThat(recorder.heard(PersonUpdated.class).get(0).person().lastname()).isEqualTo("Weber-Muster");
        assertThat(recorder.heard(BookingTicketsDeleted.class).get(0).ticketPids()).containsExactly(dropped);
        assertThat(recorder.heard(BookingTicketsUpdated.class).get(0).ticketPids()).containsExactly(kept);
        assertThat(recorder.heard(BookingCancelled.class).get(0).booking()).isEqualTo(cancelled);
        assertThat(cancelled.confirmation()).isFalse();
        NewPayment payment = recorder.heard(NewPayment.class).get(0);
        assertThat(payment.booking()).isEqualTo(cancelled);
        assertThat(payment.claimed()).isEqualTo(new NewPayment.Payment("P-1", "twint", "CHF",
                new java.math.BigDecimal("45.00")));
        assertThat(recorder.heard(UnknownWebhook.class).get(0).json()).contains("booking-rebooked", booking);
    }

    @Test
    void aWrongSecretIsAnsweredWith404AndFiresNothing() throws Exception {
        sandbox.arm(WebhookFault.wrongSecret());
        api.call(c -> c.persons().create(Person.of("Eve", "Forger")));
        assertThat(sandbox.awaitWebhooks(1, WAIT)).singleElement()
                .satisfies(delivery -> assertThat(delivery.status()).isEqualTo(404));

        for (String wrong : List.of(SECRET + "x", SECRET.substring(1), "", SECRET.toUpperCase(), SECRET + "/x")) {
            HttpResponse<String> answer = post(receiver(wrong), "{\"type\":\"new-person\",\"payload\":{}}");
            assertThat(answer.statusCode()).as("secret variant %s", wrong.length()).isEqualTo(404);
            assertThat(answer.body()).isEmpty();
        }
        assertThat(get(receiver(SECRET)).statusCode()).isEqualTo(405);
        assertNothingHeardAfterASentinel();
    }

    @Test
    void aForgedPidFiresNothing() throws Exception {
        sandbox.arm(WebhookFault.delay(Duration.ZERO)); // new-person: as it is
        sandbox.arm(WebhookFault.forgedPid()); // new-booking: a booking_pid the API does not know
        cookbook.book(Person.of("Max", "Muster").withEmail("max@example.com"), Seed.COMEDY_SHOW,
                Seed.PRICE_COMEDY_PARKETT, Seed.SECTOR_PARKETT, 1);

        List<WebhookDelivery> sent = sandbox.awaitWebhooks(2, WAIT);
        assertThat(sent).extracting(WebhookDelivery::status).containsOnly(200);
        assertThat(sent.get(1).type()).isEqualTo("new-booking");
        assertThat(sent.get(1).fault()).isEqualTo("forged_pid");
        assertNothingMoreThan(1);
        assertThat(recorder.heard(NewPerson.class)).hasSize(1);
        assertThat(recorder.heard(NewBooking.class)).isEmpty();
    }

    @Test
    void theSameDeliveryThreeTimesFiresOnce() throws Exception {
        sandbox.arm(WebhookFault.duplicate(3));
        String person = api.call(c -> c.persons().create(Person.of("Tim", "Dreifach")));

        assertThat(sandbox.awaitWebhooks(3, WAIT)).extracting(WebhookDelivery::status).containsExactly(200, 200, 200);
        assertNothingMoreThan(1);
        assertThat(recorder.heard(NewPerson.class)).singleElement()
                .satisfies(event -> assertThat(event.person().pid()).isEqualTo(person));
    }

    /**
     * 500 deliveries from 16 senders at once: every one answered 2xx at once, and every one fired once. The answer
     * times' 99th percentile is printed.
     */
    @Test
    void aBurstOf500IsAnsweredAtOnceAndEveryDeliveryFiresOnce() throws Exception {
        List<String> persons = api.call(c -> c.persons().list()).stream().map(Person::pid).toList();
        int count = 500;
        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<Future<long[]>> answers = new ArrayList<>();
        long began = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                String body = "{\"type\":\"new-updated\",\"payload\":{\"person_pid\":\""
                        + persons.get(i % persons.size())
                        + "\",\"burst\":" + i + "}}";
                answers.add(senders.submit(() -> {
                    long start = System.nanoTime();
                    int status = post(receiver(SECRET), body).statusCode();
                    return new long[]{status, System.nanoTime() - start};
                }));
            }
            List<Long> micros = new ArrayList<>();
            for (Future<long[]> answer : answers) {
                long[] result = answer.get();
                assertThat(result[0]).as("status").isBetween(200L, 299L);
                micros.add(result[1] / 1000);
            }
            Collections.sort(micros);
            long p50 = micros.get(count / 2);
            long p99 = micros.get(count * 99 / 100 - 1);
            long max = micros.get(count - 1);
            // one line: Liberty's console splits what printf writes in pieces
            System.out.println(String.format(Locale.ROOT,
                    "webhook burst: %d deliveries, 16 senders, all answered in %d ms: answer time p50 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms",
                    count, (System.nanoTime() - began) / 1_000_000, p50 / 1000.0, p99 / 1000.0, max / 1000.0));
            assertThat(p99).as("p99 of the answer time, µs").isLessThan(2_000_000);
        } finally {
            senders.shutdownNow();
        }

        Awaits.until("every delivery of the burst fired", 60_000, () -> recorder.heard().size() >= count);
        assertNothingMoreThan(count);
        assertThat(recorder.heard(PersonUpdated.class)).hasSize(count);
    }

    private void awaitHeard(int count) throws InterruptedException {
        Awaits.until(count + " webhook events", () -> recorder.heard().size() >= count);
    }

    /** Waits for a sentinel webhook's event: whatever came before it has been processed then. */
    private void assertNothingHeardAfterASentinel() throws Exception {
        assertNothingMoreThan(0);
    }

    /**
     * A sentinel delivery is sent and waited for: every delivery before it was answered, and so queued or dropped as
     * a duplicate; once its event is heard and the queue is empty, no earlier one is still on its way.
     */
    private void assertNothingMoreThan(int expected) throws Exception {
        int before = recorder.heard().size();
        String sentinel = "{\"type\":\"sentinel-" + System.nanoTime() + "\",\"payload\":{}}";
        assertThat(post(receiver(SECRET), sentinel).statusCode()).isEqualTo(200);
        Awaits.until("the sentinel", () -> recorder.heard().stream().anyMatch(
                event -> event instanceof UnknownWebhook unknown && unknown.json().contains("sentinel-")));
        List<TicketparkWebhook> heard = new ArrayList<>(recorder.heard());
        heard.removeIf(event -> event instanceof UnknownWebhook unknown && unknown.json().contains("sentinel-"));
        assertThat(heard).as("events before the sentinel (%s then)", before).hasSize(expected);
    }

    private static URI receiver(String secret) {
        String sandbox = Sandbox.url();
        return URI.create(sandbox.substring(0, sandbox.lastIndexOf('/')) + "/" + NAME + "/ticketpark/webhook/"
                + secret);
    }

    private HttpResponse<String> post(URI uri, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
