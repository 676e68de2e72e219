package ch.ticketpark.sandbox.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The webhook requests of the control client, and how it reads the deliveries: against an in-JVM fake sandbox. */
class WebhookControlTest {

    private static final String DELIVERIES = "[{\"id\":1,\"type\":\"new-booking\",\"payload\":{\"booking_pid\":"
            + "293233446073},\"url\":\"http://localhost:9080/app/webhook/****\",\"status\":204,\"error\":null,"
            + "\"millis\":12,\"fault\":null},{\"id\":2,\"type\":\"booking-tickets-updated\",\"payload\":"
            + "{\"booking_pid\":293233446073,\"ticket_pids\":[\"6445cdbe3e9509e8\",\"6445cdbe3e9509e9\"]},"
            + "\"url\":\"http://localhost:9080/app/webhook/****\",\"status\":null,"
            + "\"error\":\"java.net.ConnectException\",\"millis\":3,\"fault\":\"wrong_secret\"}]";

    /** "METHOD path body [content type]" of each request the fake sandbox got. */
    private final List<String> received = new CopyOnWriteArrayList<>();
    /** What the fake answers, by "METHOD path": a list of bodies answered in turn (the last one again), or 200 "". */
    private final Map<String, List<String>> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private HttpServer server;
    private SandboxControl sandbox;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sandbox/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            received.add(request + (body.isEmpty() ? "" : " " + body) + (type == null ? "" : " [" + type + "]"));
            List<String> bodies = answers.getOrDefault(request, List.of(""));
            String answer = bodies.size() > 1
                    ? answers.put(request, bodies.subList(1, bodies.size())).get(0)
                    : bodies.get(0);
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(statuses.getOrDefault(request, 200), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        sandbox = SandboxControl.at("http://localhost:" + server.getAddress().getPort() + "/sandbox");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void eachWebhookCommandIsOneRequestOfTheControlPlane() {
        sandbox.webhookCallback(URI.create("http://localhost:9080/app/ticketpark/webhook/s3cr3t"));
        sandbox.sendWebhook("new-payment", " {\"booking_pid\": 293233446073, \"payment_pid\": \"p1\", "
                + "\"payment_method\": \"twint\", \"currency\": \"CHF\", \"amount\": \"25.00\"} ");
        sandbox.stopWebhooks();
        sandbox.arm(WebhookFault.duplicate(3).times(2));
        sandbox.arm(WebhookFault.delay(Duration.ofMillis(1500)));
        sandbox.arm(WebhookFault.outOfOrder());
        sandbox.arm(WebhookFault.wrongSecret());
        sandbox.arm(WebhookFault.forgedPid().times(4));
        sandbox.disarmWebhookFaults();

        assertThat(received).containsExactly(
                "PUT /sandbox/_sandbox/webhooks/callback {\"url\":\"http://localhost:9080/app/ticketpark/webhook/s3cr3t\"}"
                        + " [application/json]",
                "POST /sandbox/_sandbox/webhooks/send {\"type\":\"new-payment\",\"payload\":{\"booking_pid\":293233446073,"
                        + "\"payment_pid\":\"p1\",\"payment_method\":\"twint\",\"currency\":\"CHF\",\"amount\":\"25.00\"}}"
                        + " [application/json]",
                "DELETE /sandbox/_sandbox/webhooks/callback",
                "POST /sandbox/_sandbox/webhooks/faults {\"copies\":3,\"count\":2,\"type\":\"duplicate\"} [application/json]",
                "POST /sandbox/_sandbox/webhooks/faults {\"delayMillis\":1500,\"type\":\"delay\"} [application/json]",
                "POST /sandbox/_sandbox/webhooks/faults {\"type\":\"out_of_order\"} [application/json]",
                "POST /sandbox/_sandbox/webhooks/faults {\"type\":\"wrong_secret\"} [application/json]",
                "POST /sandbox/_sandbox/webhooks/faults {\"count\":4,\"type\":\"forged_pid\"} [application/json]",
                "DELETE /sandbox/_sandbox/webhooks/faults");
    }

    @Test
    void aPayloadThatIsNoJsonObjectIsRefusedBeforeItIsSent() {
        assertThatThrownBy(() -> sandbox.sendWebhook("new-booking", "[1]")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> sandbox.sendWebhook("new-booking", "{nope")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("JSON object");
        assertThat(received).isEmpty();
    }

    @Test
    void sendingWithoutACallbackUrlFailsWithTheSandboxsReason() {
        statuses.put("POST /sandbox/_sandbox/webhooks/send", 409);
        answers.put("POST /sandbox/_sandbox/webhooks/send", List.of("{\"code\":409,\"message\":\"No callback URL "
                + "is set\"}"));

        assertThatThrownBy(() -> sandbox.sendWebhook("new-booking", "{}")).isInstanceOf(SandboxException.class)
                .hasMessageContaining("409").hasMessageContaining("No callback URL is set");
    }

    @Test
    void deliveriesAreReadWithTheirPayloadAsCompactJson() {
        answers.put("GET /sandbox/_sandbox/webhooks/deliveries", List.of(DELIVERIES));

        assertThat(sandbox.webhookDeliveries()).containsExactly(
                new WebhookDelivery(1, "new-booking", "{\"booking_pid\":293233446073}",
                        "http://localhost:9080/app/webhook/****", 204, null, 12, null),
                new WebhookDelivery(2, "booking-tickets-updated", "{\"booking_pid\":293233446073,\"ticket_pids\":"
                        + "[\"6445cdbe3e9509e8\",\"6445cdbe3e9509e9\"]}", "http://localhost:9080/app/webhook/****",
                        null, "java.net.ConnectException", 3, "wrong_secret"));
    }

    @Test
    void awaitingPollsUntilEnoughAreDeliveredAndNoneIsPending() {
        answers.put("GET /sandbox/_sandbox/webhooks/deliveries", List.of("[]", DELIVERIES));
        answers.put("GET /sandbox/_sandbox/webhooks", List.of("{\"url\":null,\"pending\":2,\"sent\":0}",
                "{\"url\":null,\"pending\":1,\"sent\":2}", "{\"url\":null,\"pending\":0,\"sent\":2}"));

        assertThat(sandbox.awaitWebhooks(2, Duration.ofSeconds(10))).extracting(WebhookDelivery::id)
                .containsExactly(1L, 2L);
        assertThat(received).filteredOn(request -> request.equals("GET /sandbox/_sandbox/webhooks")).hasSize(3);
    }

    @Test
    void awaitingTooLongFailsNamingWhatItSaw() {
        answers.put("GET /sandbox/_sandbox/webhooks/deliveries", List.of(DELIVERIES));
        answers.put("GET /sandbox/_sandbox/webhooks", List.of("{\"url\":null,\"pending\":1,\"sent\":2}"));

        assertThatThrownBy(() -> sandbox.awaitWebhooks(2, Duration.ofMillis(200))).isInstanceOf(
                SandboxException.class).hasMessageContaining("delivered 2 webhooks, 1 pending")
                .hasMessageContaining("new-booking");
    }
}
