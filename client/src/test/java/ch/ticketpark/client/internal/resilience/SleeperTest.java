package ch.ticketpark.client.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SleeperTest {

    @Test
    void theSystemSleeperWaitsAtLeastTheDelay() throws InterruptedException {
        long start = System.nanoTime();

        Sleeper.SYSTEM.sleep(Duration.ofMillis(20));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }

    @Test
    void anInterruptEndsTheWait() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> Sleeper.SYSTEM.sleep(Duration.ofHours(1))).isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isFalse();
    }
}
