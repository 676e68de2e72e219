package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.sandbox.client.Faults;
import ch.ticketpark.sandbox.client.SandboxControl;
import it.servers.LibertyServer;

/**
 * The readiness check {@code ticketpark} on {@code /health/ready}, as an operator sees it: the example application,
 * as built, on a server of the test's own with {@code mpHealth-4.0} added (and nothing in the application for it),
 * talking to the sandbox of the Arquillian server. One run through a token's life, with 3-second tokens: UP before
 * the first call and after it, flat while the token endpoint holds a refresh, DOWN while the breaker is open and
 * after wrong client credentials, UP again after each recovery, and DOWN for good when the refresh-token chain ends
 * (no password configured, and the sandbox, reset, no longer knows the refresh token). Every answer is printed: the secret scan reads
 * this test's output.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    private static final int LIFETIME_SECONDS = 3;
    private static final long HOLD_MILLIS = 6_000;
    /** Far above what reading the status costs, far below the held token request. */
    private static final Duration FLAT = Duration.ofSeconds(2);

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.placeholder("health-it");
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
    void readinessFollowsTheTokenThroughFailuresAndRecoveries() throws Exception {
        try (LibertyServer server = LibertyServer.create("health",
                "<featureManager>\n    <feature>mpHealth-4.0</feature>\n</featureManager>")) {
            server.configure(Map.of("ticketpark/mp-rest/url", Sandbox.url(),
                    "ticketpark.username", "", "ticketpark.password", "",
                    "ticketpark.refresh-token", Sandbox.refreshTokenFromPasswordGrant(),
                    "ticketpark.token-store", "memory",
                    "ticketpark.token-max-attempts", "1",
                    "ticketpark.circuit-breaker-failures", "2",
                    "ticketpark.circuit-breaker-delay", "PT3S"));
            server.start();

            JsonObject untouched = expect(server, 200, "UP");
            assertThat(untouched.getString("state")).isEqualTo("NOT_REQUESTED");

            assertThat(server.get("/api/events").statusCode()).isEqualTo(200);
            JsonObject valid = expect(server, 200, "UP");
            assertThat(valid.getString("state")).isEqualTo("VALID");
            assertThat(valid.getJsonNumber("refreshGrants").longValue()).isEqualTo(1);
            assertThat(valid.getString("lastSuccessGrant")).isEqualTo("refresh_token");
            assertThat(valid.getJsonNumber("secondsUntilExpiry").longValue()).isBetween(0L, (long) LIFETIME_SECONDS);

            flatWhileTheTokenEndpointHoldsARefresh(server);
            downWhileTheBreakerIsOpenAndUpAfterTheProbe(server);
            downAfterWrongClientCredentialsAndUpAfterTheNextToken(server);
            downForGoodWhenTheChainEnds(server);
        }
    }

    private void flatWhileTheTokenEndpointHoldsARefresh(LibertyServer server) throws Exception {
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            before.add(timed(server, 200));
        }
        awaitExpired(server);
        sandbox.arm(Faults.token().delay(Duration.ofMillis(HOLD_MILLIS)).times(1));
        CompletableFuture<HttpResponse<String>> call = CompletableFuture.supplyAsync(() -> get(server, "/api/events"));
        Awaits.until("the refresh held", () -> sandbox.faultsInjected().get("token") == 1);
        List<Long> during = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            during.add(timed(server, 200));
        }
        boolean heldStill = !call.isDone();
        assertThat(call.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        System.out.printf("Health: /health/ready took %s ms before and %s ms while the token endpoint held a refresh "
                + "for %d ms%n", before, during, HOLD_MILLIS);
        assertThat(heldStill).as("the refresh still held after the checks").isTrue();
        assertThat(during).allSatisfy(millis -> assertThat(millis).isLessThan(FLAT.toMillis()));
    }

    private void downWhileTheBreakerIsOpenAndUpAfterTheProbe(LibertyServer server) throws Exception {
        awaitExpired(server);
        sandbox.arm(Faults.token().status(503).times(2));
        assertThat(server.get("/api/events").statusCode()).isEqualTo(502);
        assertThat(server.get("/api/events").statusCode()).isEqualTo(502);

        JsonObject open = expect(server, 503, "DOWN");
        assertThat(open.getString("code")).isEqualTo("TPC0102");
        assertThat(open.getString("problems")).isEqualTo("CIRCUIT_OPEN");
        assertThat(open.getString("lastFailureCode")).isEqualTo("TPC0005");
        assertThat(open).containsKey("circuitOpenUntil");

        Awaits.until("the breaker's delay over", 10_000, () -> answer(server).getInt("status") == 200);
        assertThat(server.get("/api/events").statusCode()).isEqualTo(200);
        assertThat(expect(server, 200, "UP").getString("state")).isEqualTo("VALID");
    }

    private void downAfterWrongClientCredentialsAndUpAfterTheNextToken(LibertyServer server) throws Exception {
        awaitExpired(server);
        sandbox.arm(Faults.token().invalidClient().times(1));
        assertThat(server.get("/api/events").statusCode()).isEqualTo(502);

        JsonObject rejected = expect(server, 503, "DOWN");
        assertThat(rejected.getString("code")).isEqualTo("TPC0100");
        assertThat(rejected.getString("problems")).isEqualTo("CLIENT_REJECTED");

        assertThat(server.get("/api/events").statusCode()).isEqualTo(200);
        expect(server, 200, "UP");
    }

    private void downForGoodWhenTheChainEnds(LibertyServer server) throws Exception {
        awaitExpired(server);
        sandbox.reset(); // forgets every token it issued
        assertThat(server.get("/api/events").statusCode()).isEqualTo(502);

        JsonObject ended = expect(server, 503, "DOWN");
        assertThat(ended.getString("code")).isEqualTo("TPC0003");
        assertThat(ended.getString("problems")).isEqualTo("REFRESH_TOKEN_CHAIN_ENDED");
        assertThat(ended.getString("reason")).startsWith("the refresh-token chain has ended");
        long requests = sandbox.stats().tokenRequests();
        assertThat(server.get("/api/events").statusCode()).isEqualTo(502);
        expect(server, 503, "DOWN");
        assertThat(sandbox.stats().tokenRequests()).as("token requests after the end").isEqualTo(requests);
    }

    /** Waits until the current token has expired: the next call requests one. */
    private static void awaitExpired(LibertyServer server) throws InterruptedException {
        Awaits.until("the token expired", 10_000, () -> data(answer(server)).getString("state").equals("NONE"));
    }

    /** {@code GET /health/ready}: the HTTP status, the overall status and the check's data, as printed. */
    private static JsonObject expect(LibertyServer server, int status, String check) {
        JsonObject answer = answer(server);
        System.out.println("Health: HTTP " + answer.getInt("status") + " " + answer.getJsonObject("body"));
        assertThat(answer.getInt("status")).as("HTTP status of %s", answer).isEqualTo(status);
        JsonObject body = answer.getJsonObject("body");
        assertThat(body.getString("status")).isEqualTo(check);
        JsonObject ticketpark = body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(entry -> entry.getString("name").equals("ticketpark")).findFirst().orElseThrow();
        assertThat(ticketpark.getString("status")).isEqualTo(check);
        return ticketpark.getJsonObject("data");
    }

    private static JsonObject data(JsonObject answer) {
        return answer.getJsonObject("body").getJsonArray("checks").getJsonObject(0).getJsonObject("data");
    }

    private static JsonObject answer(LibertyServer server) {
        HttpResponse<String> response = get(server, "/health/ready");
        return Json.createObjectBuilder().add("status", response.statusCode())
                .add("body", Json.createReader(new StringReader(response.body())).readObject()).build();
    }

    private static long timed(LibertyServer server, int status) {
        long start = System.nanoTime();
        assertThat(get(server, "/health/ready").statusCode()).isEqualTo(status);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static HttpResponse<String> get(LibertyServer server, String path) {
        try {
            return server.get(path);
        } catch (IOException e) {
            throw new IllegalStateException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(path, e);
        }
    }
}
