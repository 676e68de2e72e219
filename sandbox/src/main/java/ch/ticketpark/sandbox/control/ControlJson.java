package ch.ticketpark.sandbox.control;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import ch.ticketpark.sandbox.Counter;
import ch.ticketpark.sandbox.StatsSnapshot;
import ch.ticketpark.sandbox.api.RecordedRequest;
import ch.ticketpark.sandbox.api.SentEmail;
import ch.ticketpark.sandbox.fault.Fault;
import ch.ticketpark.sandbox.fault.FaultPlan;
import ch.ticketpark.sandbox.fault.FaultTarget;
import ch.ticketpark.sandbox.store.Values;
import ch.ticketpark.sandbox.webhook.CallbackUrl;
import ch.ticketpark.sandbox.webhook.WebhookDelivery;
import ch.ticketpark.sandbox.webhook.WebhookFault;
import ch.ticketpark.sandbox.webhook.WebhookFaultPlan;

/**
 * The JSON documents of the control plane; field names are part of its contract with the tests.
 */
final class ControlJson {

    private ControlJson() {
    }

    static JsonObject stats(StatsSnapshot stats, Map<Counter, Long> counters) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("passwordGrants", stats.passwordGrants())
                .add("refreshGrants", stats.refreshGrants())
                .add("tokenErrors", stats.tokenErrors())
                .add("refreshTokenReuses", stats.refreshTokenReuses())
                .add("apiRequests", stats.apiRequests())
                .add("apiUnauthorized", stats.apiUnauthorized());
        counters.forEach((counter, value) -> json.add(counter.label(), value));
        return json.build();
    }

    static JsonObject request(RecordedRequest request) {
        JsonObjectBuilder headers = Json.createObjectBuilder();
        request.headers().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(header -> {
                    JsonArrayBuilder values = Json.createArrayBuilder();
                    header.getValue().forEach(values::add);
                    headers.add(header.getKey(), values);
                });
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("target", request.target())
                .add("method", request.method())
                .add("path", request.path())
                .add("query", request.query())
                .add("headers", headers);
        if (!request.form().isEmpty()) {
            JsonObjectBuilder form = Json.createObjectBuilder();
            new TreeMap<>(request.form()).forEach(form::add);
            json.add("form", form);
        }
        if (request.bearer() != null) {
            json.add("bearer", request.bearer().label());
        }
        return json.build();
    }

    static JsonObject faults(FaultPlan plan) {
        JsonArrayBuilder armed = Json.createArrayBuilder();
        for (FaultPlan.Armed entry : plan.armed()) {
            Fault fault = entry.fault();
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("target", fault.target().label())
                    .add("type", fault.type().label())
                    .add("remaining", entry.remaining())
                    .add("every", fault.every())
                    .add("passed", entry.passed());
            if (fault.grantType() != null) {
                json.add("grantType", fault.grantType());
            }
            if (fault.status() != null) {
                json.add("status", fault.status());
            }
            if (fault.delayMillis() != null) {
                json.add("delayMillis", fault.delayMillis());
            }
            if (fault.retryAfterSeconds() != null) {
                json.add("retryAfterSeconds", fault.retryAfterSeconds());
            }
            if (fault.location() != null) {
                json.add("location", fault.location());
            }
            armed.add(json);
        }
        JsonObjectBuilder injected = Json.createObjectBuilder();
        for (FaultTarget target : FaultTarget.values()) {
            injected.add(target.label(), plan.injected(target));
        }
        return Json.createObjectBuilder().add("armed", armed).add("injected", injected).build();
    }

    static JsonObject email(SentEmail email) {
        return Json.createObjectBuilder()
                .add("booking", email.booking())
                .add("type", email.type())
                .add("recipient", email.recipient())
                .add("sent", Values.formatDateTime(email.sent()))
                .build();
    }

    static JsonObject clock(Instant now, Duration offset) {
        return Json.createObjectBuilder()
                .add("now", Values.formatDateTime(now.atZone(Values.ZONE).toOffsetDateTime()))
                .add("offsetSeconds", offset.toSeconds())
                .build();
    }

    static JsonObject webhooks(Optional<URI> url, int pending, long sent) {
        return maskedUrl(url).add("pending", pending).add("sent", sent).build();
    }

    static JsonObject callback(Optional<URI> url) {
        return maskedUrl(url).build();
    }

    static JsonObject delivery(WebhookDelivery delivery) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", delivery.id())
                .add("type", delivery.type())
                .add("payload", delivery.payload())
                .add("url", delivery.url());
        nullable(json, "status", delivery.status() == null ? null : Json.createValue(delivery.status()));
        nullable(json, "error", delivery.error() == null ? null : Json.createValue(delivery.error()));
        json.add("millis", delivery.millis());
        nullable(json, "fault", delivery.fault() == null ? null : Json.createValue(delivery.fault()));
        return json.build();
    }

    static JsonObject webhookFaults(WebhookFaultPlan plan) {
        JsonArrayBuilder armed = Json.createArrayBuilder();
        for (WebhookFaultPlan.Armed entry : plan.armed()) {
            WebhookFault fault = entry.fault();
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("type", fault.type().label())
                    .add("remaining", entry.remaining());
            if (fault.copies() != null) {
                json.add("copies", fault.copies());
            }
            if (fault.delayMillis() != null) {
                json.add("delayMillis", fault.delayMillis());
            }
            armed.add(json);
        }
        return Json.createObjectBuilder().add("armed", armed).add("injected", plan.injected()).build();
    }

    private static JsonObjectBuilder maskedUrl(Optional<URI> url) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        nullable(json, "url", url.map(CallbackUrl::masked).map(Json::createValue).orElse(null));
        return json;
    }

    private static void nullable(JsonObjectBuilder json, String name, jakarta.json.JsonValue value) {
        json.add(name, value == null ? jakarta.json.JsonValue.NULL : value);
    }
}
