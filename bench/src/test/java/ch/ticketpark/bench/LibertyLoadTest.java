package ch.ticketpark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The load driver against a stand-in of the bench server in this JVM: its two endpoints and the sandbox's counters
 * (bench-liberty's integration test runs it against Liberty).
 */
class LibertyLoadTest {

    static final LibertyLoad.Shape BRIEF = new LibertyLoad.Shape(2, Duration.ofMillis(100), 1,
            Duration.ofMillis(300), 2);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicLong tokenRequests = new AtomicLong();
    private final AtomicLong staticCalls = new AtomicLong();
    private volatile int staticStatusAfterFirst = 200;
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext("/bench/library", exchange -> answer(exchange, 200, "3"));
        server.createContext("/bench/static", exchange -> {
            if (staticCalls.incrementAndGet() == 1) {
                tokenRequests.incrementAndGet(); // its token, once, before the measurement
                answer(exchange, 200, "3");
            } else {
                answer(exchange, staticStatusAfterFirst, "3");
            }
        });
        server.createContext("/sandbox/_sandbox/stats",
                exchange -> answer(exchange, 200, "{\"tokenRequests\":" + tokenRequests.get() + "}"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Test
    void bothVariantsAreMeasuredForTheirSlices() throws Exception {
        List<LibertyLoad.Outcome> outcomes = LibertyLoad.run(url(), BRIEF);

        assertThat(outcomes).extracting(LibertyLoad.Outcome::variant).containsExactly("library", "static");
        for (LibertyLoad.Outcome outcome : outcomes) {
            assertThat(outcome.requests()).isGreaterThan(10);
            assertThat(outcome.failed()).isZero();
            assertThat(outcome.tokenRequests()).isZero();
            assertThat(outcome.seconds()).isBetween(0.6, 1.0);
            assertThat(outcome.p99Millis()).isGreaterThanOrEqualTo(outcome.p50Millis()).isPositive();
            assertThat(outcome.csv()).startsWith(outcome.variant() + "," + outcome.requests() + ",0,");
        }
    }

    @Test
    void aFailedRequestIsCountedButNotInTheThroughput() throws Exception {
        staticStatusAfterFirst = 503;

        List<LibertyLoad.Outcome> outcomes = LibertyLoad.run(url(), BRIEF);

        assertThat(outcomes.get(1).failed()).isGreaterThan(10);
        assertThat(outcomes.get(1).requests()).isZero();
        assertThat(outcomes.get(0).failed()).isZero();
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
