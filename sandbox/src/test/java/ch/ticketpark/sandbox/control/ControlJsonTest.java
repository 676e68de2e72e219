package ch.ticketpark.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ch.ticketpark.sandbox.Counter;
import ch.ticketpark.sandbox.SandboxStats;

/** The names the tests read the control plane's documents by. */
class ControlJsonTest {

    @Test
    void statsReportTheExpiredRefusalsApartFromAllRefusals() {
        SandboxStats stats = new SandboxStats();
        stats.apiRequest();
        stats.apiUnauthorized();
        stats.apiRequest();
        stats.apiUnauthorized();
        stats.count(Counter.API_UNAUTHORIZED_EXPIRED);

        JsonObject json = ControlJson.stats(stats.snapshot(), stats.counters());

        assertThat(json.getInt("apiRequests")).isEqualTo(2);
        assertThat(json.getInt("apiUnauthorized")).isEqualTo(2);
        assertThat(json.getInt("apiUnauthorizedExpired")).isEqualTo(1);
    }
}
