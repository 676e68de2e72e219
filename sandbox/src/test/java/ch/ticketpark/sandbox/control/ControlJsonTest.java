package ch.ticketpark.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ch.ticketpark.sandbox.Counter;
import ch.ticketpark.sandbox.SandboxStats;
import ch.ticketpark.sandbox.fault.Fault;
import ch.ticketpark.sandbox.fault.FaultPlan;
import ch.ticketpark.sandbox.fault.FaultTarget;
import ch.ticketpark.sandbox.fault.FaultType;

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

    @Test
    void anArmedRedirectShowsItsLocation() {
        FaultPlan plan = new FaultPlan();
        plan.arm(new Fault(FaultTarget.API, FaultType.REDIRECT, 2, 307, null, null, 1, null,
                "http://127.0.0.1:9080/elsewhere"));

        JsonObject armed = ControlJson.faults(plan).getJsonArray("armed").getJsonObject(0);

        assertThat(armed.getString("type")).isEqualTo("redirect");
        assertThat(armed.getInt("status")).isEqualTo(307);
        assertThat(armed.getString("location")).isEqualTo("http://127.0.0.1:9080/elsewhere");
        assertThat(armed.getInt("remaining")).isEqualTo(2);
    }
}
