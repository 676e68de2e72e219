package ch.ticketpark.sandbox.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ch.ticketpark.sandbox.webhook.Receiver.Received;

class WebhookSenderTest {

    private static final String PERSON = "0B8F6C1E-3D2A-4F5B-9C7D-1E2F3A4B5C6D";

    private final Receiver receiver = new Receiver();
    private final WebhookFaultPlan faults = new WebhookFaultPlan();
    private final WebhookSender sender = new WebhookSender(receiver.url(), faults,
            new ForgedPids((collection, pid) -> false), Duration.ofMillis(300));

    @AfterEach
    void stop() {
        sender.close();
        receiver.close();
    }

    @Test
    void postsTheWebhookAsJsonToTheCallbackUrlAndLogsItMasked() throws InterruptedException {
        assertThat(sender.enqueue(booking("new-booking", 293233446073L))).isTrue();

        Received request = receiver.next();
        assertThat(request).isEqualTo(new Received("POST", "/my-app/ticketpark/webhook/" + Receiver.SECRET,
                "application/json", "{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":293233446073}}"));
        WebhookDelivery delivery = awaitDeliveries(1).get(0);
        assertThat(delivery.id()).isEqualTo(1);
        assertThat(delivery.type()).isEqualTo("new-booking");
        assertThat(delivery.payload()).isEqualTo(json("{\"booking_pid\":293233446073}"));
        assertThat(delivery.url()).isEqualTo("http://127.0.0.1:" + receiver.url().getPort()
                + "/my-app/ticketpark/webhook/****");
        assertThat(delivery.status()).isEqualTo(204);
        assertThat(delivery.error()).isNull();
        assertThat(delivery.fault()).isNull();
        assertThat(delivery.toString()).doesNotContain(Receiver.SECRET);
        assertThat(sender.pending()).isZero();
        assertThat(sender.sent()).isEqualTo(1);
    }

    @Test
    void deliveriesGoOutInTheOrderTheyWereQueued() throws InterruptedException {
        receiver.gate = new CountDownLatch(1); // the first is held at the receiver while the others queue
        for (int i = 1; i <= 5; i++) {
            sender.enqueue(person("new-person", "P" + i));
        }
        assertThat(sender.pending()).isEqualTo(5);
        receiver.gate.countDown();

        for (int i = 1; i <= 5; i++) {
            assertThat(receiver.next().body()).contains("\"P" + i + "\"");
        }
        assertThat(awaitDeliveries(5)).extracting(WebhookDelivery::id).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void withoutACallbackUrlNothingIsQueued() {
        sender.callbackUrl(null);

        assertThat(sender.enqueue(person("new-person", PERSON))).isFalse();
        assertThat(sender.pending()).isZero();
        assertThat(sender.callbackUrl()).isEmpty();
    }

    @Test
    void duplicateSendsTheCopiesOneAfterTheOther() throws InterruptedException {
        faults.arm(new WebhookFault(WebhookFaultType.DUPLICATE, 1, 3, null));

        sender.enqueue(person("new-person", PERSON));
        sender.enqueue(person("new-updated", PERSON));

        for (int i = 0; i < 3; i++) {
            assertThat(receiver.next().body()).contains("new-person");
        }
        assertThat(receiver.next().body()).contains("new-updated");
        assertThat(awaitDeliveries(4)).extracting(WebhookDelivery::fault).containsExactly("duplicate", "duplicate",
                "duplicate", null);
    }

    @Test
    void aDelayedDeliveryDoesNotHoldUpTheNext() throws InterruptedException {
        faults.arm(new WebhookFault(WebhookFaultType.DELAY, 1, null, 800L));

        sender.enqueue(person("new-person", "FIRST"));
        sender.enqueue(person("new-person", "SECOND"));

        assertThat(receiver.next().body()).contains("SECOND");
        await(() -> sender.sent() == 1);
        assertThat(sender.pending()).isEqualTo(1);
        assertThat(receiver.next().body()).contains("FIRST");
        assertThat(awaitDeliveries(2)).extracting(WebhookDelivery::fault).containsExactly(null, "delay");
    }

    @Test
    void outOfOrderIsSentRightAfterTheNextDelivery() throws InterruptedException {
        faults.arm(new WebhookFault(WebhookFaultType.OUT_OF_ORDER, 1, null, null));

        sender.enqueue(person("new-person", "FIRST"));
        assertThat(sender.pending()).isEqualTo(1);
        sender.enqueue(person("new-person", "SECOND"));
        sender.enqueue(person("new-person", "THIRD"));

        assertThat(List.of(receiver.next().body(), receiver.next().body(), receiver.next().body()))
                .allSatisfy(body -> assertThat(body).contains("new-person"))
                .extracting(body -> body.replaceAll(".*\"person_pid\":\"(\\w+)\".*", "$1"))
                .containsExactly("SECOND", "FIRST", "THIRD");
    }

    @Test
    void outOfOrderWithoutAFollowerIsSentAfterTheHoldLimit() throws InterruptedException {
        faults.arm(new WebhookFault(WebhookFaultType.OUT_OF_ORDER, 1, null, null));

        sender.enqueue(person("new-person", "ALONE"));

        assertThat(receiver.next().body()).contains("ALONE");
        assertThat(awaitDeliveries(1).get(0).fault()).isEqualTo("out_of_order");
    }

    @Test
    void wrongSecretReplacesTheLastPathSegmentButTheLogShowsTheMaskOnly() throws InterruptedException {
        faults.arm(new WebhookFault(WebhookFaultType.WRONG_SECRET, 1, null, null));

        sender.enqueue(person("new-person", PERSON));
        sender.enqueue(person("new-person", PERSON));

        String wrong = receiver.next().path();
        assertThat(wrong).startsWith("/my-app/ticketpark/webhook/").doesNotEndWith("/" + Receiver.SECRET);
        assertThat(receiver.next().path()).isEqualTo("/my-app/ticketpark/webhook/" + Receiver.SECRET);
        List<WebhookDelivery> deliveries = awaitDeliveries(2);
        assertThat(deliveries).extracting(WebhookDelivery::url).containsOnly(CallbackUrl.masked(receiver.url()));
        assertThat(deliveries.get(0).fault()).isEqualTo("wrong_secret");
        assertThat(deliveries.toString()).doesNotContain(Receiver.SECRET, wrong.substring(wrong.lastIndexOf('/')
                + 1));
    }

    @Test
    void forgedPidReplacesTheBookingOrPersonPidByOneTheStoreDoesNotKnow() throws InterruptedException {
        faults.arm(new WebhookFault(WebhookFaultType.FORGED_PID, 2, null, null));

        sender.enqueue(new Webhook("booking-tickets-updated", json("{\"booking_pid\":293233446073,"
                + "\"ticket_pids\":[\"6445cdbe3e9509e8\"]}")));
        sender.enqueue(person("new-person", PERSON));

        assertThat(receiver.next().body()).isEqualTo("{\"type\":\"booking-tickets-updated\",\"payload\":"
                + "{\"booking_pid\":999999999999,\"ticket_pids\":[\"6445cdbe3e9509e8\"]}}");
        String person = json(receiver.next().body()).getJsonObject("payload").getString("person_pid");
        assertThat(person).matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}").isNotEqualTo(
                PERSON);
        assertThat(awaitDeliveries(2)).extracting(WebhookDelivery::fault).containsOnly("forged_pid");
    }

    @Test
    void aForgedBookingPidIsOneTheStoreDoesNotHave() {
        ForgedPids forged = new ForgedPids((collection, pid) -> pid.equals("999999999999"));

        assertThat(forged.forge(json("{\"booking_pid\":293233446073,\"x\":1}"))).isEqualTo(json(
                "{\"booking_pid\":999999999998,\"x\":1}"));
        assertThat(forged.forge(json("{\"x\":1}"))).isEqualTo(json("{\"x\":1}"));
    }

    @Test
    void aRefusedConnectionAndA500AreRecordedWithoutThrowing() throws IOException, InterruptedException {
        receiver.status = 500;
        sender.enqueue(person("new-person", PERSON));
        receiver.next();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        sender.callbackUrl(URI.create("http://127.0.0.1:" + closedPort + "/hook/" + Receiver.SECRET));

        assertThat(sender.enqueue(person("new-person", PERSON))).isTrue();

        List<WebhookDelivery> deliveries = awaitDeliveries(2);
        assertThat(deliveries.get(0).status()).isEqualTo(500);
        assertThat(deliveries.get(1).status()).isNull();
        assertThat(deliveries.get(1).error()).isEqualTo("java.net.ConnectException");
        assertThat(deliveries.get(1).url()).isEqualTo("http://127.0.0.1:" + closedPort + "/hook/****");
    }

    @Test
    void resetDropsWhatIsPendingForgetsTheLogAndFaultsAndRestoresTheConfiguredUrl() throws InterruptedException {
        sender.enqueue(person("new-person", "DONE"));
        assertThat(receiver.next().body()).contains("DONE");
        awaitDeliveries(1);
        receiver.gate = new CountDownLatch(1);
        sender.enqueue(person("new-person", "ON_THE_WIRE"));
        assertThat(receiver.next().body()).contains("ON_THE_WIRE");
        faults.arm(new WebhookFault(WebhookFaultType.DELAY, 1, null, 100L));
        sender.enqueue(person("new-person", "DELAYED"));
        sender.enqueue(person("new-person", "QUEUED"));
        faults.arm(new WebhookFault(WebhookFaultType.DUPLICATE, 1, null, null));
        sender.callbackUrl(URI.create("http://127.0.0.1:1/elsewhere/x"));

        sender.reset();
        receiver.gate.countDown();

        assertThat(sender.pending()).isZero();
        assertThat(sender.deliveries()).isEmpty();
        assertThat(sender.sent()).isZero();
        assertThat(faults.armed()).isEmpty();
        assertThat(sender.callbackUrl()).contains(receiver.url());
        sender.enqueue(person("new-person", "AFTER"));
        assertThat(receiver.next().body()).contains("AFTER");
        assertThat(awaitDeliveries(1)).extracting(WebhookDelivery::type, WebhookDelivery::fault)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("new-person", null));
        assertThat(receiver.next(300)).isNull();
    }

    private List<WebhookDelivery> awaitDeliveries(int count) {
        await(() -> sender.deliveries().size() >= count && sender.pending() == 0);
        return sender.deliveries();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 10 s");
            }
            Thread.onSpinWait();
        }
    }

    private static Webhook booking(String type, long pid) {
        return new Webhook(type, Json.createObjectBuilder().add("booking_pid", pid).build());
    }

    private static Webhook person(String type, String pid) {
        return new Webhook(type, Json.createObjectBuilder().add("person_pid", pid).build());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
