package it.sandbox;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/** An HTTP answer of the sandbox, with JSON-P accessors. */
record Reply(int status, java.net.http.HttpHeaders headers, String body) {

    static Reply of(HttpResponse<String> response) {
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    JsonObject json() {
        return Json.createReader(new StringReader(body)).readObject();
    }

    JsonArray array() {
        return Json.createReader(new StringReader(body)).readArray();
    }

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    List<String> pids() {
        return array().getValuesAs(JsonObject.class).stream().map(Reply::pid).toList();
    }

    long count() {
        return Long.parseLong(header("x-count").orElseThrow());
    }

    /** The pid of a record, a JSON string or (bookings) a number. */
    static String pid(JsonObject record) {
        return record.get("pid").getValueType() == jakarta.json.JsonValue.ValueType.NUMBER
                ? record.getJsonNumber("pid").bigIntegerValue().toString()
                : record.getString("pid");
    }

    /** The last path segment of the Location header: the pid of a created record. */
    String createdPid() {
        String location = header("location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + body;
    }
}
