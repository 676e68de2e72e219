package it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import ch.ticketpark.bench.LibertyLoad;
import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.SandboxStats;

/**
 * The bench server the build started (fresh: its sandbox has seen no request yet). The static variant carries its own
 * token and nothing of the library's; the load driver measures both variants, with no token request in the measured
 * time. Figures are not asserted: bench/run measures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BenchServerIT {

    private static final URI SERVER = URI.create(System.getProperty("bench.url", "http://localhost:9180"));
    private static final SandboxControl SANDBOX = SandboxControl.at(SERVER + "/sandbox");
    private static final LibertyLoad.Shape SMOKE = new LibertyLoad.Shape(2, Duration.ofMillis(500), 1,
            Duration.ofSeconds(1), 1);

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * Were the library's filter on the static client, its first call would make the library ask for a token: the
     * static variant's calls would cost two password grants, not one.
     */
    @Test
    @Order(1)
    void theStaticClientCarriesItsOwnTokenAndNothingOfTheLibrarys() throws Exception {
        awaitOk("static");
        String events = get("static");
        assertThat(events).as("how many events the sandbox has").matches("[1-9][0-9]*");
        for (int i = 0; i < 4; i++) {
            assertThat(get("static")).isEqualTo(events);
        }

        SandboxStats afterStatic = SANDBOX.stats();
        assertThat(afterStatic.passwordGrants()).as("the static variant's own token, once").isEqualTo(1);
        assertThat(afterStatic.apiRequests()).isEqualTo(6);

        assertThat(get("library")).isEqualTo(events);
        SandboxStats afterLibrary = SANDBOX.stats();
        assertThat(afterLibrary.passwordGrants()).as("the library's first token").isEqualTo(2);
        assertThat(afterLibrary.apiUnauthorized()).isZero();
    }

    @Test
    @Order(2)
    void theLoadDriverMeasuresBothVariantsWithoutATokenRequest() throws Exception {
        List<LibertyLoad.Outcome> outcomes = LibertyLoad.run(SERVER, SMOKE);

        assertThat(outcomes).extracting(LibertyLoad.Outcome::variant).containsExactly("library", "static");
        for (LibertyLoad.Outcome outcome : outcomes) {
            assertThat(outcome.requests()).as(outcome.csv()).isPositive();
            assertThat(outcome.failed()).as(outcome.csv()).isZero();
            assertThat(outcome.tokenRequests()).as(outcome.csv()).isZero();
        }
        assertThat(SANDBOX.stats().apiUnauthorized()).isZero();
    }

    private void awaitOk(String variant) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                if (http.send(request(variant), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("/bench/%s answers 200 within 2 minutes", variant).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private String get(String variant) throws Exception {
        HttpResponse<String> response = http.send(request(variant), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static HttpRequest request(String variant) {
        return HttpRequest.newBuilder(SERVER.resolve("/bench/" + variant)).timeout(Duration.ofSeconds(30)).build();
    }
}
