package ch.ticketpark.sandbox.control;

import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import ch.ticketpark.sandbox.StatsSnapshot;
import ch.ticketpark.sandbox.api.RecordedRequest;

/**
 * The JSON documents of the control plane; field names are part of its contract with the tests.
 */
final class ControlJson {

    private ControlJson() {
    }

    static JsonObject stats(StatsSnapshot stats) {
        return Json.createObjectBuilder()
                .add("passwordGrants", stats.passwordGrants())
                .add("refreshGrants", stats.refreshGrants())
                .add("tokenErrors", stats.tokenErrors())
                .add("refreshTokenReuses", stats.refreshTokenReuses())
                .add("apiRequests", stats.apiRequests())
                .add("apiUnauthorized", stats.apiUnauthorized())
                .build();
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
        return Json.createObjectBuilder()
                .add("method", request.method())
                .add("path", request.path())
                .add("query", request.query())
                .add("headers", headers)
                .add("bearer", request.bearer().label())
                .build();
    }
}
