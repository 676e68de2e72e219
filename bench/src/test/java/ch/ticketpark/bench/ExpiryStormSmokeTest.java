package ch.ticketpark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The storm harness runs, briefly, in every build: each contender is called by its callers and its token endpoint
 * counts what it was sent. Only this library's figures are asserted, and only what holds on any machine: its callers
 * never fail and it never reuses a refresh token.
 */
class ExpiryStormSmokeTest {

    private static final ExpiryStorm.Shape BRIEF = new ExpiryStorm.Shape(Duration.ofSeconds(1), Duration.ofMillis(50),
            20, Duration.ofMillis(2500), Duration.ofMillis(5));

    @ParameterizedTest
    @ValueSource(strings = {"ours", "keycloak", "spring"})
    void everyContenderIsCalledThroughSeveralExpiries(String contender) throws Exception {
        ExpiryStorm.Outcome outcome = ExpiryStorm.run(contender, BRIEF);

        assertThat(outcome.calls()).isGreaterThan(100);
        assertThat(outcome.tokenRequests()).isGreaterThanOrEqualTo(2);
        assertThat(outcome.csv()).startsWith(contender + ",");
    }

    @Test
    void thisLibrarysCallersNeverFailAndItNeverReusesARefreshToken() throws Exception {
        ExpiryStorm.Outcome outcome = ExpiryStorm.run("ours", BRIEF);

        assertThat(outcome.failed()).isZero();
        assertThat(outcome.invalidGrants()).isZero();
    }

    @Test
    void theConstantTokenSendsNoTokenRequestAndIsTimedInWindowsAsLong() throws Exception {
        ExpiryStorm.Outcome outcome = ExpiryStorm.run("constant", BRIEF);

        assertThat(outcome.tokenRequests()).isZero();
        assertThat(outcome.failed()).isZero();
        assertThat(outcome.maxAroundExpiryMillis()).isPositive().isLessThanOrEqualTo(outcome.maxMillis());
    }
}
