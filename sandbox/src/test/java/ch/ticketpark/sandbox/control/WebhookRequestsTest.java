package ch.ticketpark.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ch.ticketpark.sandbox.webhook.Webhook;
import ch.ticketpark.sandbox.webhook.WebhookDelivery;
import ch.ticketpark.sandbox.webhook.WebhookFault;
import ch.ticketpark.sandbox.webhook.WebhookFaultPlan;
import ch.ticketpark.sandbox.webhook.WebhookFaultType;

/** The bodies the webhook control plane takes (its 400 answers) and the documents it answers with. */
class WebhookRequestsTest {

    @Test
    void aWebhookIsTakenAsGivenWhateverItsTypeAndPayload() {
        assertThat(WebhookRequests.webhook("{\"type\":\"new-payment\",\"payload\":{\"booking_pid\":1,"
                + "\"amount\":\"25.00\"}}")).isEqualTo(new Webhook("new-payment", json(
                        "{\"booking_pid\":1,"
                                + "\"amount\":\"25.00\"}")));
        assertThat(WebhookRequests.webhook("{\"type\":\"no-such-type\",\"payload\":{}}").type())
                .isEqualTo("no-such-type");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"payload\":{}}|type is required, as a string",
            "{\"type\":1,\"payload\":{}}|type is required, as a string",
            "{\"type\":\"new-booking\"}|payload is required, as a JSON object",
            "{\"type\":\"new-booking\",\"payload\":[1]}|payload is required, as a JSON object",
            "[]|the body must be a JSON object",
            "{nope|the body must be a JSON object"})
    void aWrongWebhookIsRefused(String body, String message) {
        assertThatThrownBy(() -> WebhookRequests.webhook(body)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void aCallbackUrlMustBeAnAbsoluteHttpUrl() {
        assertThat(WebhookRequests.callback("{\"url\":\"http://localhost:9080/app/hook/s3cr3t\"}"))
                .isEqualTo(URI.create("http://localhost:9080/app/hook/s3cr3t"));
        assertThatThrownBy(() -> WebhookRequests.callback("{\"url\":\"ftp://x/s3cr3t\"}"))
                .hasMessage("url must be an absolute http(s) URL").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> WebhookRequests.callback("{\"url\":null}")).hasMessage(
                "url is required, as a string");
        assertThatThrownBy(() -> WebhookRequests.callback("")).hasMessage("the body must be a JSON object");
    }

    @Test
    void aFaultIsReadFromTheBody() {
        assertThat(WebhookRequests.fault("{\"type\":\"duplicate\",\"copies\":4,\"count\":2}"))
                .isEqualTo(new WebhookFault(WebhookFaultType.DUPLICATE, 2, 4, null));
        assertThatThrownBy(() -> WebhookRequests.fault("{\"type\":\"later\"}"))
                .hasMessageStartingWith("type must be one of");
    }

    @Test
    void theDocumentsShowTheUrlMaskedAndNullsAsNull() {
        Optional<URI> url = Optional.of(URI.create("http://localhost:9080/app/hook/s3cr3t"));

        assertThat(ControlJson.webhooks(url, 2, 5)).isEqualTo(json("{\"url\":\"http://localhost:9080/app/hook/****\","
                + "\"pending\":2,\"sent\":5}"));
        assertThat(ControlJson.callback(Optional.empty())).isEqualTo(json("{\"url\":null}"));
        JsonObject delivery = ControlJson.delivery(new WebhookDelivery(7, "new-person", json("{\"person_pid\":\"P\"}"),
                "http://localhost:9080/app/hook/****", null, "java.net.ConnectException", 3, null));
        assertThat(delivery).isEqualTo(json("{\"id\":7,\"type\":\"new-person\",\"payload\":{\"person_pid\":\"P\"},"
                + "\"url\":\"http://localhost:9080/app/hook/****\",\"status\":null,"
                + "\"error\":\"java.net.ConnectException\",\"millis\":3,\"fault\":null}"));
        assertThat(delivery.get("status")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void theArmedFaultsShowTheirSettings() {
        WebhookFaultPlan plan = new WebhookFaultPlan();
        plan.arm(new WebhookFault(WebhookFaultType.DUPLICATE, 2, 3, null));
        plan.arm(new WebhookFault(WebhookFaultType.DELAY, 1, null, 500L));

        assertThat(ControlJson.webhookFaults(plan)).isEqualTo(json("{\"armed\":[{\"type\":\"duplicate\","
                + "\"remaining\":2,\"copies\":3},{\"type\":\"delay\",\"remaining\":1,\"delayMillis\":500}],"
                + "\"injected\":0}"));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
