package ch.ticketpark.client.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.exception.TokenEndpointCircuitOpenException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.exception.TokenRequestException;
import ch.ticketpark.client.support.MutableClock;

class CircuitBreakerTest {

    private static final Duration DELAY = Duration.ofSeconds(30);
    /** Ceilings 1 s, 2 s, 4 s, 8 s, 10 s. */
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.5);

    private final MutableClock clock = new MutableClock();
    private final CircuitBreaker breaker = new CircuitBreaker(3, DELAY, BACKOFF);

    private Instant now() {
        return clock.instant();
    }

    private static TokenRequestException failure(String message) {
        return new TokenEndpointUnavailableException(message, 503);
    }

    @Test
    void aClosedBreakerLetsRequestsAndRefreshesGo() {
        assertThat(breaker.rejection(now())).isNull();
        assertThat(breaker.isProbe(now())).isFalse();
        assertThat(breaker.allowsBackgroundRefresh(now())).isTrue();
        assertThat(breaker.toString()).contains("failures=0").contains("<closed>");
    }

    @Test
    void onlyTheFailureThatOpensItAndTheSuccessThatClosesItSaySo() {
        assertThat(breaker.failed(failure("one"), now(), true)).isNull();
        assertThat(breaker.failed(failure("two"), now(), false)).isNull();
        assertThat(breaker.failed(failure("three"), now(), true)).isNull();
        TokenEndpointCircuitOpenException opened = breaker.failed(failure("four"), now(), true);
        assertThat(opened).isSameAs(breaker.rejection(now()));
        assertThat(opened.consecutiveFailures()).isEqualTo(3);

        clock.advance(DELAY);
        TokenEndpointCircuitOpenException again = breaker.failed(failure("probe"), now(), true);
        assertThat(again).isNotNull().isNotSameAs(opened);

        assertThat(breaker.succeeded()).isEqualTo(5);
        assertThat(breaker.succeeded()).isZero();
    }

    @Test
    void itOpensAtTheThresholdOfFailuresWhileCallersWaited() {
        breaker.failed(failure("one"), now(), true);
        breaker.failed(failure("two"), now(), true);
        assertThat(breaker.rejection(now())).isNull();
        assertThat(breaker.isProbe(now())).isFalse();

        var last = failure("three");
        breaker.failed(last, now(), true);

        TokenEndpointCircuitOpenException open = breaker.rejection(now());
        assertThat(open).isNotNull();
        assertThat(open.getCause()).isSameAs(last);
        assertThat(open.consecutiveFailures()).isEqualTo(3);
        assertThat(open.openUntil()).isEqualTo(now().plus(DELAY));
        assertThat(open.getMessage()).contains("three");
        assertThat(breaker.isProbe(now())).isFalse();
        assertThat(breaker.allowsBackgroundRefresh(now())).isFalse();
        assertThat(breaker.toString()).contains("failures=3").contains("openUntil=" + now().plus(DELAY));
    }

    @Test
    void theDelayEndsExactlyAtOpenUntilAndTheNextRequestIsTheProbe() {
        for (int i = 0; i < 3; i++) {
            breaker.failed(failure("f"), now(), true);
        }

        clock.advance(DELAY.minusNanos(1));
        assertThat(breaker.rejection(now())).isNotNull();
        assertThat(breaker.isProbe(now())).isFalse();

        clock.advance(Duration.ofNanos(1));
        assertThat(breaker.rejection(now())).isNull();
        assertThat(breaker.isProbe(now())).isTrue();
    }

    @Test
    void aFailedProbeOpensItAgainAndSuccessClosesIt() {
        for (int i = 0; i < 3; i++) {
            breaker.failed(failure("f"), now(), true);
        }
        clock.advance(DELAY);
        var probeFailure = failure("probe");
        breaker.failed(probeFailure, now(), true);

        assertThat(breaker.rejection(now())).isNotNull();
        assertThat(breaker.rejection(now()).getCause()).isSameAs(probeFailure);
        assertThat(breaker.rejection(now()).consecutiveFailures()).isEqualTo(4);

        clock.advance(DELAY);
        breaker.succeeded();

        assertThat(breaker.rejection(now())).isNull();
        assertThat(breaker.isProbe(now())).isFalse();
        assertThat(breaker.allowsBackgroundRefresh(now())).isTrue();
    }

    @Test
    void failuresWithoutWaitingCallersNeverOpenItButPaceTheRefreshes() {
        for (int i = 0; i < 5; i++) {
            breaker.failed(failure("background"), now(), false);
        }

        assertThat(breaker.rejection(now())).isNull();
        assertThat(breaker.isProbe(now())).isFalse();
        // five failures: the fifth ceiling, 10 s
        assertThat(breaker.allowsBackgroundRefresh(now())).isFalse();
        clock.advance(Duration.ofSeconds(10).minusNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isTrue();
    }

    @Test
    void callerFailuresAreCountedApartFromBackgroundFailures() {
        breaker.failed(failure("b"), now(), false);
        breaker.failed(failure("b"), now(), false);
        breaker.failed(failure("c"), now(), true);
        breaker.failed(failure("c"), now(), true);
        assertThat(breaker.rejection(now())).isNull();

        breaker.failed(failure("c"), now(), true);
        assertThat(breaker.rejection(now())).isNotNull();
        assertThat(breaker.rejection(now()).consecutiveFailures()).isEqualTo(3);
    }

    @Test
    void theBackgroundPauseFollowsTheBackoffCeilingOfTheFailuresInARow() {
        breaker.failed(failure("one"), now(), false);
        clock.advance(Duration.ofSeconds(1).minusNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isTrue();

        breaker.failed(failure("two"), now(), false);
        clock.advance(Duration.ofSeconds(2).minusNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isTrue();
    }

    @Test
    void aLongerRetryAfterIsHonouredUpToTheDelay() {
        breaker.failed(new TokenEndpointUnavailableException("slow", 503, 1, Duration.ofSeconds(20), null), now(),
                false);
        clock.advance(Duration.ofSeconds(20).minusNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isTrue();

        breaker.succeeded();
        breaker.failed(new TokenEndpointUnavailableException("slower", 503, 1, Duration.ofHours(1), null), now(),
                false);
        clock.advance(DELAY.minusNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isTrue();
    }

    @Test
    void aRetryAfterEqualToTheDelayIsTheDelay() {
        breaker.failed(new TokenEndpointUnavailableException("slow", 503, 1, DELAY, null), now(), false);
        clock.advance(DELAY.minusNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isTrue();
    }

    @Test
    void aShorterRetryAfterDoesNotShortenTheBackoff() {
        breaker.failed(failure("one"), now(), false);
        breaker.failed(new TokenEndpointUnavailableException("quick", 503, 1, Duration.ofMillis(100), null), now(),
                false);

        clock.advance(Duration.ofSeconds(2).minusNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isTrue();
    }

    @Test
    void aNonUnavailableFailureUsesTheBackoffOnly() {
        breaker.failed(new TokenRequestException("bad", 400), now(), false);

        clock.advance(Duration.ofSeconds(1).minusNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isTrue();
    }

    @Test
    void aDeferredRefreshWaitsForTheNextCeiling() {
        breaker.deferBackground(now());

        assertThat(breaker.rejection(now())).isNull();
        clock.advance(Duration.ofSeconds(1).minusNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isTrue();

        breaker.failed(failure("one"), now(), false);
        breaker.deferBackground(now());
        clock.advance(Duration.ofSeconds(2).minusNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(breaker.allowsBackgroundRefresh(now())).isTrue();
    }

    @Test
    void deferringKeepsAnOpenBreakerOpen() {
        for (int i = 0; i < 3; i++) {
            breaker.failed(failure("f"), now(), true);
        }
        breaker.deferBackground(now());

        assertThat(breaker.rejection(now())).isNotNull();
        assertThat(breaker.rejection(now()).consecutiveFailures()).isEqualTo(3);
        clock.advance(DELAY);
        assertThat(breaker.isProbe(now())).isTrue();
    }

    @Test
    void backgroundFailuresKeepAnOpenBreakerOpen() {
        for (int i = 0; i < 3; i++) {
            breaker.failed(failure("f"), now(), true);
        }
        Instant openUntil = breaker.rejection(now()).openUntil();
        breaker.failed(failure("background"), now(), false);

        assertThat(breaker.rejection(now())).isNotNull();
        assertThat(breaker.rejection(now()).openUntil()).isEqualTo(openUntil);
    }

    @Test
    void aBreakerWithAThresholdOfOneOpensAtTheFirstCallerFailure() {
        var sensitive = new CircuitBreaker(1, DELAY, BACKOFF);

        sensitive.failed(failure("one"), now(), true);

        assertThat(sensitive.rejection(now())).isNotNull();
        assertThat(sensitive.rejection(now()).consecutiveFailures()).isEqualTo(1);
    }
}
