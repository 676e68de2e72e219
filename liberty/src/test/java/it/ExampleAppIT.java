package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.SandboxStats;
import ch.ticketpark.sandbox.client.WebhookDelivery;

/**
 * The example application as its users see it, deployed as built (its own configuration points at the sandbox):
 * the events, their shows with capacity, and booking a ticket. Each test starts from the seed data and a token the
 * application renewed after the reset, and counts from there, so that no test depends on which ran before it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExampleAppIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive exampleApplication() {
        // under its own name: a server left by the run command may still declare the application's usual name
        return ShrinkWrap.create(WebArchive.class, "example-app-it.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("example.war"))));
    }

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    /** Whether no test of this class has run yet in this JVM (the application is deployed once for all of them). */
    private static boolean firstTest = true;

    /** The sandbox's counters after {@link #seedDataAndARenewedToken()}: the tests count from here. */
    private SandboxStats before;

    /**
     * Back to the seed data, with the application holding a token of this sandbox: the same state for every test,
     * whatever ran before. The reset forgets every token the sandbox issued, but the application, a deployment of its
     * own, keeps what its earlier test left: a forgotten token before all tests but the first. One call through its API
     * renews it the documented way: the API rejects the forgotten token (401) and the client replays the call with a
     * new one (README "Replay on 401"), whose refresh grant meets the forgotten refresh token (invalid_grant) and falls
     * back to the password grant. Before the first test, the application's file token store holds nothing on a clean
     * build, so the first call makes the password grant; after an earlier build in the same server directory, it holds
     * that build's tokens, which this sandbox never issued: a refresh grant that meets invalid_grant, then the password
     * grant (the access token has expired), or the replay above (it has not).
     */
    @BeforeEach
    void seedDataAndARenewedToken() throws Exception {
        sandbox.reset();

        get("/api/events");

        SandboxStats stats = sandbox.stats();
        assertThat(stats.passwordGrantsSucceeded()).as("password grants").isEqualTo(1);
        List<Long> counted = counters(stats, "apiRequests", "apiUnauthorized", "refreshGrantsFailed", "tokenRequests");
        List<Long> forgotten = List.of(2L, 1L, 1L, 2L);
        if (firstTest) {
            assertThat(counted).as("the first token: none stored, or stored by an earlier build")
                    .isIn(List.of(1L, 0L, 0L, 1L), List.of(1L, 0L, 1L, 2L), forgotten);
            firstTest = false;
        } else {
            assertThat(counted).as("a forgotten token renewed").isEqualTo(forgotten);
        }
        before = stats;
    }

    @Test
    void pageListsEventsWithShowsAndCapacity() throws Exception {
        assertThat(send(HttpRequest.newBuilder(url("/")).build()).body()).contains("Ticketpark events");

        JsonArray events = (JsonArray) json(get("/api/events"));
        assertThat(events).isNotEmpty();
        // as the page does: the shows of every event (shows without an end, too)
        int shows = 0;
        for (JsonObject event : events.getValuesAs(JsonObject.class)) {
            for (JsonObject show : ((JsonArray) json(get("/api/events/" + event.getString("pid") + "/shows")))
                    .getValuesAs(JsonObject.class)) {
                JsonObject total = show.getJsonObject("capacity").getJsonObject("total");
                assertThat(total.getInt("sold") + total.getInt("available")).isEqualTo(total.getInt("total"));
                shows++;
            }
        }
        assertThat(shows).isGreaterThanOrEqualTo(events.size());
        assertTheRenewedTokenServedEveryCall();
    }

    @Test
    void bookingATicketRunsTheDocumentedFlowAndSellsOneSeat() throws Exception {
        String event = ((JsonArray) json(get("/api/events"))).getJsonObject(0).getString("pid");
        JsonObject show = ((JsonArray) json(get("/api/events/" + event + "/shows"))).getJsonObject(0);
        int sold = show.getJsonObject("capacity").getJsonObject("total").getInt("sold");

        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/bookings"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"show\":\"" + show.getString("pid")
                        + "\",\"firstname\":\"Ada\",\"lastname\":\"Example\",\"email\":\"ada@example.com\"}"))
                .build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject booking = (JsonObject) json(response.body());
        assertThat(booking.getBoolean("confirmation")).isTrue();
        assertThat(booking.getString("customer")).isNotBlank();
        assertThat(booking.getJsonArray("tickets")).hasSize(1);
        JsonObject after = ((JsonArray) json(get("/api/events/" + event + "/shows"))).getJsonObject(0);
        assertThat(after.getJsonObject("capacity").getJsonObject("total").getInt("sold")).isEqualTo(sold + 1);
        assertThat(increase("emailsSent")).isEqualTo(1);
        assertTheRenewedTokenServedEveryCall();
    }

    /**
     * The page's "Arrived by webhook" box: the sandbox calls the application's webhook URL for the person and the
     * booking the page made, the library reads each back, and the application's observer shows it. Waits for both, so
     * that no read-back is still on its way when the next test resets the sandbox.
     */
    @Test
    void aBookingArrivesByWebhookOnThePage() throws Exception {
        sandbox.webhookCallback(url("/ticketpark/webhook/" + Sandbox.EXAMPLE_WEBHOOK_SECRET));
        String event = ((JsonArray) json(get("/api/events"))).getJsonObject(0).getString("pid");
        String show = ((JsonArray) json(get("/api/events/" + event + "/shows"))).getJsonObject(0).getString("pid");

        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/bookings"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"show\":\"" + show
                        + "\",\"firstname\":\"Ada\",\"lastname\":\"Webhook\",\"email\":\"ada@example.com\"}"))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String booking = ((JsonObject) json(response.body())).getString("pid");

        Awaits.until("the person and the booking arrived by webhook", () -> {
            String arrivals = uncheckedGet("/api/webhooks");
            return arrivals.contains("\"new-person\"") && arrivals.contains("\"new-booking\"");
        });
        JsonObject arrived = ((JsonArray) json(get("/api/webhooks"))).getValuesAs(JsonObject.class).stream()
                .filter(arrival -> arrival.getString("type").equals("new-booking")).findFirst().orElseThrow();
        assertThat(arrived.getString("pid")).isEqualTo(booking);
        assertThat(arrived.getString("summary")).isEqualTo("Ada Webhook, 1 ticket(s), confirmed");
        assertThat(get("/")).contains("id=\"webhooks\"", "api/webhooks");
        assertThat(sandbox.webhookDeliveries()).extracting(WebhookDelivery::status).containsOnly(200);
    }

    private static String uncheckedGet(String path) {
        try {
            return get(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theTokenStatusShowsTheGrantsTheSandboxCountedAndNoToken() throws Exception {
        JsonObject status = (JsonObject) json(get("/api/token"));

        SandboxStats stats = sandbox.stats();
        assertThat(status.getBoolean("ready")).isTrue();
        assertThat(status.getString("state")).isEqualTo("VALID");
        assertThat(status.getJsonNumber("secondsUntilExpiry").longValue()).isPositive();
        assertThat(status.getJsonNumber("passwordGrants").longValue())
                .isGreaterThanOrEqualTo(stats.passwordGrantsSucceeded());
        assertThat(status.getJsonObject("lastObtained").getString("grantType")).isEqualTo("password");
        assertThat(status.getJsonArray("problems")).isEmpty();
        assertThat(status.toString()).doesNotContain("demo-secret", "demo-password");
        assertThat(get("/")).contains("id=\"token\"", "api/token", "health/ready");
    }

    @Test
    void bookingAnUnknownShowAnswersTheApisStatus() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/bookings"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers
                        .ofString("{\"show\":\"unknown\",\"firstname\":\"A\",\"lastname\":\"B\"}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(((JsonObject) json(response.body())).getString("error")).contains("TPC0201", "404");
        assertTheRenewedTokenServedEveryCall();
    }

    /** No token request and no rejected token since the renewal: the test ran with the token of its own sandbox. */
    private void assertTheRenewedTokenServedEveryCall() {
        assertThat(List.of(increase("tokenRequests"), increase("apiUnauthorized"))).as("token requests, API 401")
                .isEqualTo(List.of(0L, 0L));
    }

    private long increase(String counter) {
        return sandbox.stats().counter(counter) - before.counter(counter);
    }

    private static List<Long> counters(SandboxStats stats, String... names) {
        return Arrays.stream(names).map(stats::counter).toList();
    }

    private static URI url(String path) {
        return URI.create("http://localhost:" + System.getProperty("http.port") + path);
    }

    private static String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url(path)).build());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonStructure json(String body) {
        return Json.createReader(new StringReader(body)).read();
    }
}
