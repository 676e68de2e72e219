package ch.ticketpark.client.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.support.MutableClock;
import ch.ticketpark.client.support.RecordingSleeper;

class RetrierTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Delays of half the ceiling: 0.5 s, 1 s, 2 s, … up to 4 s. */
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), () -> 0.5);

    private final MutableClock clock = new MutableClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final Retrier retrier = new Retrier(3, BACKOFF, TIMEOUT, clock, sleeper);
    private final Instant farAway = clock.instant().plus(Duration.ofHours(1));

    @Test
    void theAttemptTimeoutIsTheConfiguredOne() {
        assertThat(retrier.attemptTimeout()).isEqualTo(TIMEOUT);
    }

    @Test
    void theDelayIsTheJitteredBackoffUntilTheLastAttempt() {
        assertThat(retrier.delayAfter(1, Optional.empty(), farAway)).contains(Duration.ofMillis(500));
        assertThat(retrier.delayAfter(2, Optional.empty(), farAway)).contains(Duration.ofSeconds(1));
        assertThat(retrier.delayAfter(3, Optional.empty(), farAway)).isEmpty();
        assertThat(retrier.delayAfter(4, Optional.empty(), farAway)).isEmpty();
    }

    @Test
    void aLongerRetryAfterReplacesTheBackoffAShorterOneDoesNot() {
        assertThat(retrier.delayAfter(1, Optional.of(Duration.ofSeconds(3)), farAway))
                .contains(Duration.ofSeconds(3));
        assertThat(retrier.delayAfter(2, Optional.of(Duration.ofMillis(100)), farAway))
                .contains(Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterUpToTheBackoffMaximumIsWaitedAndBeyondItNoRetry() {
        assertThat(retrier.delayAfter(1, Optional.of(Duration.ofSeconds(8)), farAway))
                .contains(Duration.ofSeconds(8));
        assertThat(retrier.delayAfter(1, Optional.of(Duration.ofSeconds(8).plusNanos(1)), farAway)).isEmpty();
    }

    @Test
    void aRetryHappensOnlyIfItsWorstCaseEndsByTheDeadline() {
        Instant exactly = clock.instant().plus(Duration.ofMillis(500)).plus(TIMEOUT);

        assertThat(retrier.delayAfter(1, Optional.empty(), exactly)).contains(Duration.ofMillis(500));
        assertThat(retrier.delayAfter(1, Optional.empty(), exactly.minusNanos(1))).isEmpty();
    }

    @Test
    void theDeadlineIsMeasuredFromTheClockNow() {
        Instant deadline = clock.instant().plus(Duration.ofMillis(500)).plus(TIMEOUT);
        clock.advance(Duration.ofMillis(1));

        assertThat(retrier.delayAfter(1, Optional.empty(), deadline)).isEmpty();
    }

    @Test
    void aPauseSleepsForTheDelay() {
        assertThat(retrier.pause(1, Duration.ofSeconds(2), "failure")).isTrue();

        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void anInterruptedPauseSaysSoAndKeepsTheInterrupt() {
        Retrier interrupted = new Retrier(3, BACKOFF, TIMEOUT, clock, delay -> {
            throw new InterruptedException();
        });
        try {
            assertThat(interrupted.pause(1, Duration.ofSeconds(2), "failure")).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void afterOneAttemptTheFailureIsReportedAsItIs() {
        var last = new TokenEndpointUnavailableException("down", 503);

        assertThat(Retrier.gaveUp(last, 1, Duration.ofSeconds(1))).isSameAs(last);
    }

    @Test
    void afterSeveralAttemptsTheFailureCountsThemAndKeepsTheLast() {
        var last = new TokenEndpointUnavailableException("down", 503, 1, Duration.ofSeconds(4), null);

        TokenEndpointUnavailableException gaveUp = Retrier.gaveUp(last, 3, Duration.ofSeconds(9));

        assertThat(gaveUp).isNotSameAs(last).hasCause(last).hasMessageContaining("3 attempts")
                .hasMessageContaining("PT9S").hasMessageContaining("down");
        assertThat(gaveUp.status()).isEqualTo(503);
        assertThat(gaveUp.attempts()).isEqualTo(3);
        assertThat(gaveUp.retryAfter()).contains(Duration.ofSeconds(4));
    }

    @Test
    void withoutRetryAfterTheReportHasNone() {
        var last = new TokenEndpointUnavailableException("down", 500);

        assertThat(Retrier.gaveUp(last, 2, Duration.ofSeconds(1)).retryAfter()).isEmpty();
    }
}
