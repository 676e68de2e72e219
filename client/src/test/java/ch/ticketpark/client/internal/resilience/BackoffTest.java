package ch.ticketpark.client.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofMillis(500);
    private static final Duration MAX = Duration.ofSeconds(10);

    @Test
    void theCeilingDoublesFromTheInitialDelayUpToTheMaximum() {
        Backoff backoff = new Backoff(INITIAL, MAX, () -> 0.5);

        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.ceiling(6)).isEqualTo(MAX);
    }

    @Test
    void aCeilingEqualToTheMaximumIsTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), MAX, () -> 0.5);

        assertThat(backoff.ceiling(2)).isEqualTo(MAX);
    }

    @Test
    void manyRetriesNeitherOverflowNorExceedTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofDays(365), Duration.ofDays(1000), () -> 0.5);

        assertThat(backoff.ceiling(31)).isEqualTo(Duration.ofDays(1000));
        assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(1000));
    }

    @Test
    void theDoublingsStopAtThirty() {
        Backoff backoff = new Backoff(Duration.ofNanos(1), Duration.ofDays(1), () -> 0.5);

        assertThat(backoff.ceiling(31)).isEqualTo(Duration.ofNanos(1L << 30));
        assertThat(backoff.ceiling(40)).isEqualTo(Duration.ofNanos(1L << 30));
    }

    @Test
    void theDelayIsTheCeilingScaledByTheRandomNumber() {
        assertThat(new Backoff(INITIAL, MAX, () -> 0.0).delay(3)).isZero();
        assertThat(new Backoff(INITIAL, MAX, () -> 0.5).delay(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(new Backoff(INITIAL, MAX, () -> 0.25).delay(1)).isEqualTo(Duration.ofMillis(125));
    }

    @Test
    void backoffHasFullJitterAndIsCapped() {
        Backoff low = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), () -> 0.0);
        Backoff mid = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), () -> 0.5);

        assertThat(low.delay(3)).isZero();
        assertThat(mid.delay(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(mid.delay(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(mid.ceiling(6)).isEqualTo(Duration.ofSeconds(10));
        assertThat(mid.ceiling(60)).isEqualTo(Duration.ofSeconds(10));
    }
}
