package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.example.EventService;
import ch.ticketpark.sandbox.client.Fault;
import ch.ticketpark.sandbox.client.Faults;
import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.SandboxStats;

/**
 * 50 concurrent callers through the example application's EJB for 60 seconds, with 2-second tokens, while the sandbox
 * answers every third refresh grant with a refused-but-rotated answer: it rotates the refresh token (the answer's new
 * one is then the only valid one) but the answer is one the client must refuse ({@code expires_in} 0, then
 * {@code expires_in} missing, then {@code access_token} missing, in turn). A client that forgets the rotated refresh
 * token with the refused answer presents a spent one next: {@code invalid_grant}, a reuse, a password grant to recover,
 * and callers that fail meanwhile. Bounded in time; prints its numbers.
 */
@ExtendWith(ArquillianExtension.class)
class RefusedRotationSoakIT {

    private static final int CALLERS = 50;
    private static final long DURATION_MILLIS = 60_000;
    private static final long LIFETIME_MILLIS = 2_000;
    private static final int EVERY = 3;
    private static final List<Fault> REFUSED_ANSWERS = List.of(Faults.token().zeroExpiresIn(),
            Faults.token().missingExpiresIn(), Faults.token().missingAccessToken());
    /** 3 x 40 faults, one every third refresh request: enough for 360 refresh requests, far above the bound below. */
    private static final int ROUNDS = 40;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("refused-rotation-soak-it", Deployments.sandboxConfig(), EventService.class,
                Callers.class);
    }

    @Inject
    EventService service;

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @AfterEach
    void resetSandbox() {
        sandbox.reset();
    }

    @Test
    void fiftyCallersKeepWorkingWhileEveryThirdRefreshIsRefusedButRotated() throws Exception {
        sandbox.reset();
        sandbox.lifetimes(Duration.ofSeconds(LIFETIME_MILLIS / 1000), null);
        armRefusedRotations();
        assertThat(service.events()).isNotEmpty();
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(DURATION_MILLIS);
        long deadline = end + TimeUnit.SECONDS.toNanos(60);
        Callers callers = Callers.start(CALLERS, end, () -> !service.events().isEmpty());
        assertThat(callers.awaitEnd(deadline)).as("callers all ended within a minute after the end").isTrue();

        SandboxStats stats = sandbox.stats();
        long injected = sandbox.faultsInjected().get("token");
        int medianInProgress = callers.medianInProgress();
        long failed = callers.failed();
        String failures = callers.describeFailures();
        long refreshGrants = stats.refreshGrants();
        // No storm. A working client refreshes once per refresh interval (1.6 s: the default skew is 20 % of the
        // 2-second lifetime); allowing for scheduling, at most once per half lifetime, plus the first grant and one
        // in flight at the end: 60 + 2 good grants. Each refused answer costs one more grant (the next one, with the
        // rotated token), and with every third refresh request refused the refused ones are at most half the good
        // ones: at most 1.5 x 62 = 93 refresh grants. A storm (callers refreshing each on their own) is hundreds.
        long goodGrants = DURATION_MILLIS / (LIFETIME_MILLIS / 2) + 2;
        long maxRefreshGrants = goodGrants * EVERY / (EVERY - 1);
        // At least: each good refresh keeps the callers going for at most one lifetime, so 60 s need 29 of them
        // after the password grant, and with every third refused at least 14 refusals; 10 leaves room for timing.
        int minInjected = 10;
        System.out.println(String.format("Refused-rotation soak: %d calls by %d callers in %d s, %d failed%s; calls "
                + "in progress max %d, median %d (%d samples; medians per 5 s: %s); %d token requests, %d "
                + "refused-but-rotated answers injected (at least %d expected); password grants %d (%d succeeded); "
                + "refresh grants %d (%d succeeded, %d failed, at most %d allowed); %d refresh token reuses; %d API 401",
                callers.calls(), CALLERS, DURATION_MILLIS / 1000, failed, failures, callers.maxInProgress(),
                medianInProgress, callers.sampleCount(), callers.timeline(), stats.tokenRequests(), injected,
                minInjected,
                stats.passwordGrants(), stats.passwordGrantsSucceeded(), refreshGrants, stats.refreshGrantsSucceeded(),
                stats.counter("refreshGrantsFailed"), maxRefreshGrants, stats.refreshTokenReuses(),
                stats.apiUnauthorized()));

        // every check, so that a failing run names each broken promise at once (not SoftAssertions: it needs
        // ByteBuddy in the deployment)
        List<String> broken = new ArrayList<>();
        Callers.check(broken, () -> assertThat(failed).as("failed calls: %s", failures).isZero());
        Callers.check(broken,
                () -> assertThat(stats.refreshTokenReuses()).as("refresh tokens used twice").isZero());
        Callers.check(broken, () -> assertThat(stats.passwordGrants()).as("password grants attempted")
                .isLessThanOrEqualTo(1));
        Callers.check(broken,
                () -> assertThat(stats.passwordGrantsSucceeded()).as("password grants").isLessThanOrEqualTo(1));
        Callers.check(broken,
                () -> assertThat(callers.maxInProgress()).as("most calls in progress at once")
                        .isGreaterThanOrEqualTo(40));
        Callers.check(broken,
                () -> assertThat(medianInProgress).as("median of calls in progress").isGreaterThanOrEqualTo(40));
        Callers.check(broken, () -> assertThat(injected).as("refused-but-rotated answers injected")
                .isGreaterThanOrEqualTo(minInjected));
        Callers.check(broken,
                () -> assertThat(stats.tokenFaults()).as("token faults counted").isEqualTo(injected));
        Callers.check(broken,
                () -> assertThat(refreshGrants).as("refresh grants").isLessThanOrEqualTo(maxRefreshGrants));
        assertThat(broken).as("broken promises").isEmpty();
    }

    /**
     * Every third refresh request gets a refused-but-rotated answer, the three kinds in turn: faults of one target
     * apply one after the other, each counting its own three refresh requests.
     */
    private void armRefusedRotations() {
        for (int round = 0; round < ROUNDS; round++) {
            for (Fault refused : REFUSED_ANSWERS) {
                sandbox.arm(refused.every(EVERY).grantType("refresh_token").times(1));
            }
        }
    }

}
