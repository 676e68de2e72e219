package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.SandboxStats;

/**
 * With a 2-second token lifetime, a steady stream of calls keeps working through refreshes alone.
 * <p>
 * Why real time, and how it is kept from being timing luck: the client inside Liberty uses the real clock, so shifting
 * the sandbox's clock ({@code /_sandbox/clock}) would only make the sandbox reject tokens the client still holds as
 * valid; the tokens have to really expire while the calls go on. Two things make it robust on a slow, shared machine:
 * <ul>
 * <li>The refresh skew is configured to 1 s, half the lifetime (the most the client allows), instead of the default
 * 20 % (0.4 s): a token is refreshed 1 s after its request was sent, so a call would have to be delayed by a whole
 * second between taking the token and reaching the sandbox to see a 401, not 0.4 s.</li>
 * <li>No fixed observation time: the calls go on until the sandbox has counted {@value #REFRESHES} refresh grants
 * (about 3 s on schedule), bounded by {@value #LIMIT_SECONDS} s against hanging, so a slow machine only makes the test
 * take longer. The upper bound on refresh grants is derived from the schedule and the time actually taken (one per
 * half lifetime, plus the first and one in flight), not from a tight margin: it still catches a client that refreshes
 * on every call, and a client that never refreshes (password grants instead) never reaches the count.</li>
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
class TokenLifetimeIT {

    private static final int LIFETIME_SECONDS = 2;
    private static final int REFRESHES = 3;
    private static final long LIMIT_SECONDS = 30;
    private static final long PAUSE_MILLIS = 100;

    @Deployment
    static WebArchive deployment() {
        Map<String, String> config = Deployments.sandboxConfig();
        config.put("ticketpark.refresh-skew", "PT1S");
        return Deployments.war("token-lifetime-it", config, EventReader.class);
    }

    @Inject
    EventReader reader;

    @Inject
    TicketparkTokens tokens;

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @BeforeEach
    void shortLifetime() {
        sandbox.reset();
        tokens.invalidate();
        sandbox.lifetimes(Duration.ofSeconds(LIFETIME_SECONDS), null);
    }

    @AfterEach
    void resetSandbox() {
        sandbox.reset();
    }

    @Test
    void callsOverSeveralLifetimesNeedOnePasswordGrantAndRefreshesOnly() throws InterruptedException {
        List<Throwable> failures = new ArrayList<>();
        int calls = 0;
        long start = System.nanoTime();
        long limit = start + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        SandboxStats stats = sandbox.stats();
        while (stats.refreshGrants() < REFRESHES && stats.passwordGrants() <= 1
                && failures.isEmpty() && System.nanoTime() - limit < 0) {
            try {
                assertThat(reader.events()).isNotEmpty();
            } catch (RuntimeException | AssertionError e) {
                failures.add(e);
            }
            calls++;
            TimeUnit.MILLISECONDS.sleep(PAUSE_MILLIS);
            stats = sandbox.stats();
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // on schedule, one refresh per half lifetime (the skew is half of it); the first token and one refresh in
        // flight when the loop stops on top
        long maxRefreshGrants = elapsedMillis / (LIFETIME_SECONDS * 1000 / 2) + 2;
        System.out.println(String.format("Token lifetime: %d calls in %d ms; password grants %d, refresh grants %d "
                + "(at most %d allowed), token errors %d, API 401 %d", calls, elapsedMillis,
                stats.passwordGrants(), stats.refreshGrants(), maxRefreshGrants, stats.tokenErrors(),
                stats.apiUnauthorized()));

        assertThat(failures).isEmpty();
        assertThat(stats.passwordGrants()).as("password grants").isEqualTo(1);
        assertThat(stats.refreshGrants()).as("refresh grants within %d s", LIMIT_SECONDS)
                .isGreaterThanOrEqualTo(REFRESHES)
                .isLessThanOrEqualTo(maxRefreshGrants);
        // the calls went on while tokens expired: at least the two lifetimes the refreshes need on schedule
        assertThat(elapsedMillis).as("milliseconds of calls").isGreaterThanOrEqualTo(LIFETIME_SECONDS * 1000L);
        assertThat(stats.tokenErrors()).isZero();
        assertThat(stats.refreshTokenReuses()).isZero();
        assertThat(stats.apiUnauthorized()).isZero();
    }
}
