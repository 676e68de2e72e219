package ch.ticketpark.sandbox.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class FaultTest {

    private final FaultPlan plan = new FaultPlan();

    @Test
    void readsTheControlPlaneJson() {
        Fault fault = Fault.fromJson(json("{\"target\":\"token\",\"type\":\"status\",\"status\":503,"
                + "\"retryAfterSeconds\":5,\"count\":2}"));

        assertThat(fault).isEqualTo(new Fault(FaultTarget.TOKEN, FaultType.STATUS, 2, 503, null, 5));
        assertThat(Fault.fromJson(json("{\"target\":\"api\",\"type\":\"drop\"}")).count()).isEqualTo(1);
    }

    @Test
    void readsEveryAndGrantTypeWhichDefaultToEachRequestOfAnyGrantType() {
        Fault fault = Fault.fromJson(json("{\"target\":\"token\",\"type\":\"zero_expires_in\",\"every\":3,"
                + "\"grantType\":\"refresh_token\",\"count\":1000}"));

        assertThat(fault).isEqualTo(new Fault(FaultTarget.TOKEN, FaultType.ZERO_EXPIRES_IN, 1000, null, null, null, 3,
                "refresh_token"));
        Fault plain = Fault.fromJson(json("{\"target\":\"api\",\"type\":\"drop\",\"grantType\":null}"));
        assertThat(plain.every()).isEqualTo(1);
        assertThat(plain.grantType()).isNull();
        assertThat(plain.selects(null)).isTrue();
        assertThat(fault.selects("refresh_token")).isTrue();
        assertThat(fault.selects("password")).isFalse();
        assertThat(fault.selects(null)).isFalse();
    }

    @Test
    void refusesAnEveryBelowOneAndAGrantTypeOtherThanTheTwoGrantsOrOnTheApi() {
        assertThatThrownBy(() -> Fault.fromJson(json("{\"target\":\"token\",\"type\":\"drop\",\"every\":0}")))
                .hasMessage("every must be at least 1");
        assertThatThrownBy(() -> Fault.fromJson(json("{\"target\":\"token\",\"type\":\"drop\",\"every\":1.5}")))
                .hasMessage("every must be an integer");
        assertThatThrownBy(() -> Fault.fromJson(
                json("{\"target\":\"token\",\"type\":\"drop\",\"grantType\":\"client_credentials\"}")))
                .hasMessage("grantType must be password or refresh_token, not client_credentials");
        assertThatThrownBy(() -> Fault.fromJson(json("{\"target\":\"token\",\"type\":\"drop\",\"grantType\":3}")))
                .hasMessage("grantType must be a string");
        assertThatThrownBy(() -> Fault.fromJson(
                json("{\"target\":\"api\",\"type\":\"drop\",\"grantType\":\"password\"}")))
                .hasMessage("grantType applies to the token target only");
    }

    @Test
    void refusesIncompleteOrMisdirectedFaults() {
        assertThatThrownBy(() -> Fault.fromJson(json("{\"target\":\"api\",\"type\":\"zero_expires_in\"}")))
                .hasMessage("zero_expires_in applies to the token target only");
        assertThatThrownBy(() -> Fault.fromJson(json("{\"target\":\"api\",\"type\":\"delay\"}")))
                .hasMessage("delay needs delayMillis");
        assertThatThrownBy(() -> Fault.fromJson(json("{\"target\":\"api\",\"type\":\"status\",\"status\":99}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.fromJson(json("{\"target\":\"api\",\"type\":\"explode\"}")))
                .hasMessageStartingWith("type must be one of status, delay, drop");
        assertThatThrownBy(() -> Fault.fromJson(json("{\"type\":\"drop\"}"))).hasMessage("target is required");
        assertThatThrownBy(() -> Fault.fromJson(json("{\"target\":\"api\",\"type\":\"drop\",\"count\":0}")))
                .hasMessage("count must be at least 1");
    }

    @Test
    void readsARedirectWithItsLocationAndRefusesOneWithoutALocationOrWithAStatusOutsideThreeHundreds() {
        Fault redirect = Fault.fromJson(json("{\"target\":\"api\",\"type\":\"redirect\",\"status\":301,"
                + "\"location\":\"http://127.0.0.1:9080/elsewhere\"}"));

        assertThat(redirect).isEqualTo(new Fault(FaultTarget.API, FaultType.REDIRECT, 1, 301, null, null, 1, null,
                "http://127.0.0.1:9080/elsewhere"));
        assertThat(Fault.fromJson(json("{\"target\":\"token\",\"type\":\"redirect\","
                + "\"location\":\"https://elsewhere.example/token\"}")).statusOr(302)).isEqualTo(302);
        assertThatThrownBy(() -> Fault.fromJson(json("{\"target\":\"api\",\"type\":\"redirect\"}")))
                .hasMessage("redirect needs a location");
        assertThatThrownBy(() -> Fault.fromJson(json("{\"target\":\"api\",\"type\":\"redirect\",\"status\":404,"
                + "\"location\":\"http://127.0.0.1/x\"}")))
                .hasMessage("the status of a redirect must be between 300 and 399");
        assertThatThrownBy(() -> Fault.fromJson(json("{\"target\":\"api\",\"type\":\"redirect\","
                + "\"location\":\"/relative/path\"}"))).hasMessage("location must be an absolute http(s) URL");
        assertThatThrownBy(() -> Fault.fromJson(json("{\"target\":\"api\",\"type\":\"redirect\","
                + "\"location\":\"ftp://127.0.0.1/x\"}"))).hasMessage("location must be an absolute http(s) URL");
        assertThatThrownBy(() -> Fault.fromJson(json("{\"target\":\"api\",\"type\":\"status\",\"status\":500,"
                + "\"location\":\"http://127.0.0.1/x\"}"))).hasMessage("location applies to redirect only");
    }

    @Test
    void aFaultAffectsTheNextCountRequestsOfItsTargetThenTheNextOneTakesOver() {
        Fault burst = new Fault(FaultTarget.TOKEN, FaultType.STATUS, 2, 500, null, null);
        Fault drop = new Fault(FaultTarget.TOKEN, FaultType.DROP, 1, null, null, null);
        plan.arm(burst);
        plan.arm(drop);

        assertThat(plan.take(FaultTarget.API)).isEmpty();
        assertThat(plan.take(FaultTarget.TOKEN)).contains(burst);
        assertThat(plan.armed()).containsExactly(new FaultPlan.Armed(burst, 1, 0), new FaultPlan.Armed(drop, 1, 0));
        assertThat(plan.take(FaultTarget.TOKEN)).contains(burst);
        assertThat(plan.take(FaultTarget.TOKEN)).contains(drop);
        assertThat(plan.take(FaultTarget.TOKEN)).isEmpty();
        assertThat(plan.injected(FaultTarget.TOKEN)).isEqualTo(3);
        assertThat(plan.injected(FaultTarget.API)).isZero();
    }

    @Test
    void clearDisarmsEverythingAndZeroesTheCounts() {
        plan.arm(new Fault(FaultTarget.API, FaultType.HTML, 5, null, null, null));
        plan.take(FaultTarget.API);

        plan.clear();

        assertThat(plan.armed()).isEmpty();
        assertThat(plan.take(FaultTarget.API)).isEmpty();
        assertThat(plan.injected(FaultTarget.API)).isZero();
    }

    @Test
    void theControlPlaneIsNeverATarget() {
        assertThat(FaultTarget.ofPath("/_sandbox/stats")).isNull();
        assertThat(FaultTarget.ofPath("/oauth/v2/token")).isEqualTo(FaultTarget.TOKEN);
        assertThat(FaultTarget.ofPath("/events/")).isEqualTo(FaultTarget.API);
        assertThat(FaultTarget.ofPath("/email/send")).isEqualTo(FaultTarget.API);
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
