package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.SandboxStats;
import it.servers.LibertyServer;

/**
 * The client's metrics and spans as an operator gets them: the example application, as built, on a server of the
 * test's own with {@code mpTelemetry-2.0} (its API made visible to the application, {@code +third-party}) and the
 * OpenTelemetry SDK switched on with the logging exporters, which write every export to {@code messages.log}; nothing
 * in the application for it. After a known sequence (one password grant, {@value #REFRESHES} refreshes after expiry,
 * one 401, replayed) the exported values equal the sandbox's own counters, and there is one span per token request. The
 * secret scan reads that log ({@code target/extra-servers}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TelemetryIT {

    private static final int LIFETIME_SECONDS = 2;
    private static final int REFRESHES = 2;
    private static final Pattern COUNTER_POINT = Pattern.compile("attributes=\\{([^}]*)}, value=(\\d+)");
    private static final Pattern HISTOGRAM_COUNT = Pattern.compile("getCount=(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SPAN = Pattern.compile("'ticketpark token request (password|refresh_token)'");

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.placeholder("telemetry-it");
    }

    @BeforeEach
    void shortLivedTokens() {
        sandbox.reset();
        sandbox.lifetimes(Duration.ofSeconds(LIFETIME_SECONDS), null);
    }

    @AfterEach
    void resetSandbox() {
        sandbox.reset();
    }

    @Test
    void theExportedMetricsEqualTheSandboxsCountersAndEachTokenRequestIsASpan() throws Exception {
        try (LibertyServer server = started("telemetry", "logging")) {

            assertThat(server.get("/api/events").statusCode()).isEqualTo(200);
            for (int i = 0; i < REFRESHES; i++) {
                // past the token's lifetime: the next call refreshes before it is sent
                TimeUnit.MILLISECONDS.sleep(LIFETIME_SECONDS * 1000L + 300);
                assertThat(server.get("/api/events").statusCode()).isEqualTo(200);
            }
            sandbox.revoke(); // the API forgets the access token: the next call gets a 401 and is replayed
            assertThat(server.get("/api/events").statusCode()).isEqualTo(200);

            SandboxStats stats = sandbox.stats();
            long tokenRequests = stats.tokenRequests();
            Awaits.until("the export of all token requests", 20_000,
                    () -> sum(counter(server, "ticketpark.token.requests")) == tokenRequests);
            Map<String, Long> requests = counter(server, "ticketpark.token.requests");
            Map<String, Long> rejections = counter(server, "ticketpark.api.token_rejections");
            long timed = histogramCount(server, "ticketpark.token.request.duration");
            long spans = spans(server);
            System.out.printf(
                    "Telemetry: sandbox %s; exported ticketpark.token.requests %s, ticketpark.api.token_rejections "
                            + "%s, ticketpark.token.request.duration count %d; spans %d%n",
                    stats, requests, rejections, timed,
                    spans);

            assertThat(requests).containsOnly(
                    Map.entry("ticketpark.grant_type=\"password\", ticketpark.outcome=\"success\"",
                            stats.passwordGrantsSucceeded()),
                    Map.entry("ticketpark.grant_type=\"refresh_token\", ticketpark.outcome=\"success\"",
                            stats.refreshGrantsSucceeded()));
            assertThat(stats.passwordGrantsSucceeded()).isEqualTo(1);
            assertThat(stats.refreshGrantsSucceeded()).isEqualTo(REFRESHES + 1);
            assertThat(rejections).containsOnly(Map.entry("", stats.apiUnauthorized()));
            assertThat(stats.apiUnauthorized()).isEqualTo(1);
            assertThat(timed).isEqualTo(tokenRequests);
            assertThat(spans).isEqualTo(tokenRequests);
            assertThat(server.messages()).doesNotContain("CWMOT5000W");
        }
    }

    /**
     * The webhook receiver's metrics, on a server of the test's own running the example application (webhooks
     * enabled): the deliveries the test sends are counted by answer, the events by type, the drops by code, and nothing
     * is left pending. Spans are not exported here: Liberty's server spans may carry the request's path, and with it
     * the secret (docs/webhooks.md); the secret scan reads this server's log too.
     */
    @Test
    void theWebhookReceiversMetricsCountEachAnswerEventAndDrop() throws Exception {
        try (LibertyServer server = started("telemetry-webhooks", "none")) {
            String receiver = "/ticketpark/webhook/" + Sandbox.EXAMPLE_WEBHOOK_SECRET;
            String unknownType = "{\"type\":\"seat-moved\",\"payload\":{\"seat\":\"A1\"}}";

            assertThat(post(server, receiver, unknownType)).isEqualTo(200);
            assertThat(post(server, receiver, unknownType)).isEqualTo(200);
            assertThat(post(server, receiver, "{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":\"999999\"}}"))
                    .isEqualTo(200);
            assertThat(post(server, "/ticketpark/webhook/not-the-secret", unknownType)).isEqualTo(404);
            assertThat(post(server, receiver, "{}")).isEqualTo(400);

            Awaits.until("the export of the webhook metrics", 20_000,
                    () -> sum(counter(server, "ticketpark.webhook.deliveries")) == 5
                            && sum(counter(server, "ticketpark.webhook.events")) == 1
                            && sum(counter(server, "ticketpark.webhook.dropped")) == 1
                            && counter(server, "ticketpark.webhook.pending").equals(Map.of("", 0L)));
            Map<String, Long> deliveries = unquoted(counter(server, "ticketpark.webhook.deliveries"));
            Map<String, Long> events = unquoted(counter(server, "ticketpark.webhook.events"));
            Map<String, Long> dropped = unquoted(counter(server, "ticketpark.webhook.dropped"));
            System.out.printf("Webhook telemetry: deliveries %s, events %s, dropped %s%n", deliveries, events, dropped);

            assertThat(deliveries).containsOnly(
                    Map.entry("http.response.status_code=200, ticketpark.outcome=accepted", 2L),
                    Map.entry("http.response.status_code=200, ticketpark.outcome=duplicate", 1L),
                    Map.entry("http.response.status_code=404, ticketpark.outcome=not_found", 1L),
                    Map.entry("http.response.status_code=400, ticketpark.outcome=invalid", 1L));
            assertThat(events).containsOnly(Map.entry("ticketpark.webhook.type=unknown", 1L));
            assertThat(dropped).containsOnly(Map.entry("error.type=TPC0402", 1L));
            assertThat(server.messages()).doesNotContain("CWMOT5000W");
        }
    }

    /**
     * A server of its own with {@code mpTelemetry-2.0} and the example application, the SDK on, metrics exported to
     * {@code messages.log} every 500 ms.
     *
     * @param tracesExporter {@code logging} (into {@code messages.log}) or {@code none}
     */
    private static LibertyServer started(String label, String tracesExporter)
            throws IOException, InterruptedException {
        String serverXml = """
                <featureManager>
                    <feature>mpTelemetry-2.0</feature>
                </featureManager>
                <!-- merged into the example application's element: mpTelemetry-2.0's API is third-party -->
                <webApplication id="%s">
                    <classloader apiTypeVisibility="+third-party"/>
                </webApplication>
                """.formatted(LibertyServer.APPLICATION);
        LibertyServer server = LibertyServer.create(label, serverXml);
        try {
            server.configure(Map.of("ticketpark/mp-rest/url", Sandbox.url(),
                    "ticketpark.token-store", "memory",
                    "otel.sdk.disabled", "false",
                    "otel.service.name", "ticketpark-example",
                    "otel.metrics.exporter", "logging",
                    "otel.traces.exporter", tracesExporter,
                    "otel.logs.exporter", "none",
                    "otel.metric.export.interval", "500"));
            server.start();
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static int post(LibertyServer server, String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.url(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The attributes as the logging exporter writes them, without the quotes around strings. */
    private static Map<String, Long> unquoted(Map<String, Long> points) {
        Map<String, Long> unquoted = new HashMap<>();
        points.forEach((attributes, value) -> unquoted.put(attributes.replace("\"", ""), value));
        return unquoted;
    }

    /** The last export of a counter: its points by attributes. */
    private static Map<String, Long> counter(LibertyServer server, String name) {
        Map<String, Long> points = new HashMap<>();
        lastExport(server, name).ifPresent(line -> {
            Matcher point = COUNTER_POINT.matcher(line);
            while (point.find()) {
                points.put(point.group(1), Long.parseLong(point.group(2)));
            }
        });
        return points;
    }

    private static long histogramCount(LibertyServer server, String name) {
        long count = 0;
        String line = lastExport(server, name).orElseThrow(() -> new AssertionError("no export of " + name));
        Matcher point = HISTOGRAM_COUNT.matcher(line);
        while (point.find()) {
            count += Long.parseLong(point.group(1));
        }
        return count;
    }

    private static long spans(LibertyServer server) throws IOException {
        return server.messages().lines().filter(line -> SPAN.matcher(line).find()).count();
    }

    private static long sum(Map<String, Long> points) {
        return points.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The logging exporter writes cumulative values: the last line of a metric holds its totals. */
    private static java.util.Optional<String> lastExport(LibertyServer server, String name) {
        try {
            List<String> lines = server.messages().lines()
                    .filter(line -> line.contains("name=" + name + ",")).toList();
            return lines.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(lines.get(lines.size() - 1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
