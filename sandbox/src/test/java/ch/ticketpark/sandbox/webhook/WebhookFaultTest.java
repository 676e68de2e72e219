package ch.ticketpark.sandbox.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookFaultTest {

    @Test
    void defaultsAndTheOrderOfThePlan() {
        WebhookFaultPlan plan = new WebhookFaultPlan();
        plan.arm(WebhookFault.fromJson(json("{\"type\":\"duplicate\"}")));
        plan.arm(WebhookFault.fromJson(json("{\"type\":\"delay\",\"delayMillis\":0,\"count\":2}")));

        assertThat(plan.take()).contains(new WebhookFault(WebhookFaultType.DUPLICATE, 1, 3, null));
        assertThat(plan.armed()).containsExactly(new WebhookFaultPlan.Armed(new WebhookFault(WebhookFaultType.DELAY,
                2, null, 0L), 2));
        assertThat(plan.take()).map(WebhookFault::type).contains(WebhookFaultType.DELAY);
        assertThat(plan.take()).map(WebhookFault::type).contains(WebhookFaultType.DELAY);
        assertThat(plan.take()).isEmpty();
        assertThat(plan.injected()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|type is required, as a string",
            "{\"type\":\"drop\"}|type must be one of duplicate, delay, out_of_order, wrong_secret, forged_pid, not drop",
            "{\"type\":\"duplicate\",\"copies\":1}|copies must be between 2 and 10",
            "{\"type\":\"duplicate\",\"copies\":11}|copies must be between 2 and 10",
            "{\"type\":\"delay\"}|delay needs delayMillis",
            "{\"type\":\"delay\",\"delayMillis\":60001}|delayMillis must be between 0 and 60000",
            "{\"type\":\"wrong_secret\",\"count\":0}|count must be at least 1",
            "{\"type\":\"forged_pid\",\"count\":1.5}|count must be an integer",
            "{\"type\":\"out_of_order\",\"copies\":2}|copies applies to duplicate only",
            "{\"type\":\"duplicate\",\"delayMillis\":2}|delayMillis applies to delay only"})
    void aWrongFaultIsRefusedNamingWhatIsWrong(String json, String message) {
        assertThatThrownBy(() -> WebhookFault.fromJson(json(json))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
