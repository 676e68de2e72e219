package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.naming.InitialContext;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.sandbox.client.RecordedRequest;
import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.SandboxStats;

/**
 * A cold start under load inside Liberty: 100 callers on the server's managed threads call an enterprise bean that
 * reads events, all released at the same moment, on a client that has never held a token. One password grant serves
 * them all; nobody goes out without a token.
 */
@ExtendWith(ArquillianExtension.class)
class ColdStartIT {

    private static final int CALLERS = 100;
    /** A bound against hanging, not a timing: each caller makes one call. */
    private static final long LIMIT_SECONDS = 60;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("cold-start-it", Deployments.sandboxConfig(), EventReader.class);
    }

    @Inject
    EventReader reader;

    @Inject
    TicketparkTokens tokens;

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    /**
     * A fresh client: this deployment is new and nothing has asked it for a token yet (the invalidation only makes sure
     * of that, should another test in this class ever run first), and the sandbox knows no token.
     */
    @BeforeEach
    void freshSandboxAndClient() {
        sandbox.reset();
        tokens.invalidate();
    }

    @AfterEach
    void resetSandbox() {
        sandbox.reset();
    }

    @Test
    void hundredCallersAtOnceOnAFreshClientShareOnePasswordGrant() throws Exception {
        CountDownLatch ready = new CountDownLatch(CALLERS);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(CALLERS);
        AtomicInteger succeeded = new AtomicInteger();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        // threads of their own, not tasks of the managed executor: the client runs its token request on the server's
        // managed executor, and callers that hold its threads while they wait would starve that request
        ThreadFactory threads = InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
        List<Thread> callers = new ArrayList<>();
        try {
            for (int i = 0; i < CALLERS; i++) {
                Thread caller = threads.newThread(() -> {
                    try {
                        ready.countDown();
                        go.await();
                        if (!reader.events().isEmpty()) {
                            succeeded.incrementAndGet();
                        } else {
                            failures.computeIfAbsent("no events", key -> new AtomicInteger()).incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        failures.computeIfAbsent(e.toString(), key -> new AtomicInteger()).incrementAndGet();
                    } finally {
                        done.countDown();
                    }
                });
                callers.add(caller);
                caller.start();
            }
            assertThat(ready.await(LIMIT_SECONDS, TimeUnit.SECONDS)).as("all callers started").isTrue();
            long start = System.nanoTime();
            go.countDown();
            assertThat(done.await(LIMIT_SECONDS, TimeUnit.SECONDS)).as("all callers done").isTrue();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            SandboxStats stats = sandbox.stats();
            List<RecordedRequest> apiRequests = sandbox.requests("api", 10 * CALLERS);
            Map<String, Long> bearers = apiRequests.stream()
                    .collect(Collectors.groupingBy(request -> Objects.requireNonNullElse(request.bearer(), "none"),
                            Collectors.counting()));
            System.out.println(String.format("Cold start: %d callers, %d succeeded in %d ms, failures %s; password "
                    + "grants %d, refresh grants %d, token requests %d, API requests %d (bearer: %s), API 401 %d",
                    CALLERS, succeeded.get(), millis, failures, stats.passwordGrants(), stats.refreshGrants(),
                    stats.tokenRequests(), stats.apiRequests(), bearers, stats.apiUnauthorized()));

            assertThat(failures).as("failed callers").isEmpty();
            assertThat(succeeded.get()).as("callers that read events").isEqualTo(CALLERS);
            assertThat(stats.passwordGrants()).as("password grants").isEqualTo(1);
            assertThat(stats.refreshGrants()).as("refresh grants").isZero();
            assertThat(stats.tokenErrors()).as("token errors").isZero();
            assertThat(stats.apiRequests()).as("API requests").isEqualTo(CALLERS);
            assertThat(apiRequests).as("recorded API requests").hasSize(CALLERS);
            assertThat(bearers).as("API requests by bearer").containsExactly(Map.entry("valid", (long) CALLERS));
            assertThat(apiRequests).allSatisfy(request -> assertThat(request.header("authorization"))
                    .startsWith("Bearer "));
            assertThat(stats.apiUnauthorized()).as("API 401").isZero();
        } finally {
            callers.forEach(Thread::interrupt);
        }
    }
}
