package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.example.EventService;

/**
 * 50 concurrent callers through the example application's EJB for 62 seconds, with 2-second tokens (30 expiries),
 * token endpoint faults (5xx bursts, delays, a dropped connection) and one revocation of every token midway. Bounded
 * in time; prints its numbers.
 */
@ExtendWith(ArquillianExtension.class)
class SoakIT {

    private static final int CALLERS = 50;
    private static final long DURATION_MILLIS = 62_000;
    private static final long LIFETIME_SECONDS = 2;
    /** The default skew of a 2-second token: 20 % of its lifetime. */
    private static final long REFRESH_INTERVAL_MILLIS = 1_600;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("soak-it", Deployments.sandboxConfig(), EventService.class);
    }

    @Inject
    EventService service;

    @AfterEach
    void resetSandbox() {
        Sandbox.reset();
    }

    @Test
    void fiftyCallersKeepWorkingThroughExpiriesFaultsAndARevocation() throws Exception {
        Sandbox.reset();
        Sandbox.accessTokenLifetime((int) LIFETIME_SECONDS);
        assertThat(service.events()).isNotEmpty();
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(DURATION_MILLIS);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());

        ExecutorService pool = managedExecutor();
        List<Future<?>> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            callers.add(pool.submit(() -> call(end, latencies, failures)));
        }
        injectFaults(start);
        for (Future<?> caller : callers) {
            caller.get(DURATION_MILLIS + 60_000, TimeUnit.MILLISECONDS);
        }

        JsonObject stats = Sandbox.stats();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long expiries = DURATION_MILLIS / (LIFETIME_SECONDS * 1000);
        int grants = stats.getInt("passwordGrantsSucceeded") + stats.getInt("refreshGrantsSucceeded");
        System.out.printf("Soak: %d calls by %d callers in %d s, %d failed; %d expiries, 1 revocation; "
                + "%d token requests (%d faults injected), %d grants (%d password, %d refresh), %d refresh token "
                + "reuses, %d API 401; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", sorted.size(), CALLERS,
                DURATION_MILLIS / 1000, failures.size(), expiries,
                stats.getInt("tokenRequests") + stats.getInt("tokenFaults"), stats.getInt("tokenFaults"), grants,
                stats.getInt("passwordGrantsSucceeded"),
                stats.getInt("refreshGrantsSucceeded"), stats.getInt("refreshTokenReuses"),
                stats.getInt("apiUnauthorized"), percentile(sorted, 50), percentile(sorted, 99),
                percentile(sorted, 100));

        assertThat(failures).isEmpty();
        assertThat(sorted.size()).isGreaterThan(CALLERS * 10);
        assertThat(expiries).isGreaterThanOrEqualTo(25);
        assertThat(stats.getInt("refreshTokenReuses")).as("refresh tokens used twice").isZero();
        assertThat(stats.getInt("passwordGrantsSucceeded")).as("password grants").isEqualTo(1);
        // one grant per refresh interval, plus the first one and the one after the revocation
        long expectedGrants = DURATION_MILLIS / REFRESH_INTERVAL_MILLIS + 2;
        assertThat(grants).as("grants").isBetween((int) expiries, (int) expectedGrants + 2);
        // the only token requests that failed are those the sandbox failed on purpose (its faults answer before
        // the token endpoint counts a request): no invalid_grant, no lost rotation
        assertThat(stats.getInt("tokenRequests")).as("token requests that reached the endpoint").isEqualTo(grants);
        assertThat(stats.getInt("tokenFaults")).as("token faults injected").isEqualTo(8);
    }

    private void call(long end, List<Long> latencies, List<String> failures) {
        while (System.nanoTime() < end) {
            long before = System.nanoTime();
            try {
                if (service.events().isEmpty()) {
                    failures.add("no events");
                }
                latencies.add(System.nanoTime() - before);
            } catch (RuntimeException e) {
                failures.add(e.toString());
            }
        }
    }

    /** The faults, spread over the run: each burst is shorter than the client's retries. */
    private static void injectFaults(long start) throws InterruptedException {
        at(start, 8_000);
        Sandbox.fault("{\"target\":\"token\",\"type\":\"status\",\"status\":503,\"count\":2}");
        at(start, 16_000);
        Sandbox.fault("{\"target\":\"token\",\"type\":\"delay\",\"delayMillis\":1500,\"count\":2}");
        at(start, 24_000);
        Sandbox.fault("{\"target\":\"token\",\"type\":\"drop\",\"count\":1}");
        at(start, 31_000);
        Sandbox.revoke();
        at(start, 40_000);
        Sandbox.fault("{\"target\":\"token\",\"type\":\"status\",\"status\":500,\"count\":2,\"retryAfterSeconds\":1}");
        at(start, 48_000);
        Sandbox.fault("{\"target\":\"token\",\"type\":\"status\",\"status\":502,\"count\":1}");
    }

    private static void at(long start, long millis) throws InterruptedException {
        long wait = start + TimeUnit.MILLISECONDS.toNanos(millis) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static double percentile(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static ExecutorService managedExecutor() throws NamingException {
        return InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
    }
}
