package ch.ticketpark.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxStatsTest {

    private final SandboxStats stats = new SandboxStats();

    @Test
    void countsEachEventInItsOwnCounter() {
        stats.passwordGrant();
        stats.refreshGrant();
        stats.refreshGrant();
        stats.tokenError();
        stats.tokenError();
        stats.tokenError();
        stats.refreshTokenReuse();
        stats.apiRequest();
        stats.apiRequest();
        stats.apiUnauthorized();

        assertThat(stats.snapshot()).isEqualTo(new StatsSnapshot(1, 2, 3, 1, 2, 1));
    }

    @Test
    void resetSetsEveryCounterToZero() {
        stats.passwordGrant();
        stats.refreshGrant();
        stats.tokenError();
        stats.refreshTokenReuse();
        stats.apiRequest();
        stats.apiUnauthorized();

        stats.reset();

        assertThat(stats.snapshot()).isEqualTo(new StatsSnapshot(0, 0, 0, 0, 0, 0));
    }
}
