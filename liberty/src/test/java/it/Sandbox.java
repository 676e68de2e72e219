package it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The sandbox's test-only control plane ({@code /_sandbox/...}), over plain HTTP. Works in the test JVM (URL from the
 * {@code http.port} system property) and inside Liberty (URL from the deployment's configuration).
 */
public final class Sandbox {

    public static final String CLIENT_KEY = "demo-client";
    public static final String CLIENT_SECRET = "demo-secret";
    public static final String USERNAME = "demo@ticketpark.test";
    public static final String PASSWORD = "demo-password";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Sandbox() {
    }

    public static String url() {
        String port = System.getProperty("http.port");
        if (port != null) {
            return "http://localhost:" + port + "/sandbox";
        }
        return ConfigProvider.getConfig().getValue("ticketpark/mp-rest/url", String.class);
    }

    public static void reset() {
        post("/_sandbox/reset");
    }

    public static void accessTokenLifetime(int seconds) {
        post("/_sandbox/lifetimes?access=" + seconds);
    }

    public static void revoke() {
        post("/_sandbox/revoke");
    }

    /** Arms a fault, given as the control plane's JSON, e.g. {"target":"token","type":"status","status":503,"count":2}. */
    public static void fault(String json) {
        send(HttpRequest.newBuilder(URI.create(url() + "/_sandbox/faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** The armed faults and how many were injected: {@code {"armed":[...],"injected":{"token":n,"api":n}}}. */
    public static JsonObject faults() {
        return Json.createReader(new StringReader(get("/_sandbox/faults"))).readObject();
    }

    public static JsonObject stats() {
        return Json.createReader(new StringReader(get("/_sandbox/stats"))).readObject();
    }

    public static JsonObject lastRequest() {
        return Json.createReader(new StringReader(get("/_sandbox/requests/last"))).readObject();
    }

    /** The values of one header of the last API request, by lower-case name. */
    public static Optional<String> lastRequestHeader(String name) {
        JsonObject headers = lastRequest().getJsonObject("headers");
        return headers.containsKey(name) ? Optional.of(headers.getJsonArray(name).getString(0)) : Optional.empty();
    }

    /** What {@code POST /email/send} sent since the last reset: {@code [{"booking","type","recipient","sent"}]}. */
    public static JsonArray emails() {
        return Json.createReader(new StringReader(get("/_sandbox/emails"))).readArray();
    }

    /** The last {@code limit} requests of a target ({@code api} or {@code token}), oldest first. */
    public static JsonArray requests(String target, int limit) {
        return Json.createReader(new StringReader(get("/_sandbox/requests?target=" + target + "&limit=" + limit)))
                .readArray();
    }

    /** The {@code grant_type} of each recorded token request (at most the last 100), oldest first. */
    public static List<String> grantTypes() {
        return requests("token", 100).getValuesAs(JsonObject.class).stream()
                .map(request -> request.getJsonObject("form").getString("grant_type", "none"))
                .toList();
    }

    /** A refresh token from a password grant with the demo credentials, as an earlier run of an application saved. */
    public static String refreshTokenFromPasswordGrant() {
        String basic = java.util.Base64.getEncoder().encodeToString(
                (CLIENT_KEY + ":" + CLIENT_SECRET).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String body = send(HttpRequest.newBuilder(URI.create(url() + "/oauth/v2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username="
                        + java.net.URLEncoder.encode(USERNAME, java.nio.charset.StandardCharsets.UTF_8) + "&password="
                        + PASSWORD))
                .build());
        return Json.createReader(new StringReader(body)).readObject().getString("refresh_token");
    }

    private static void post(String path) {
        send(HttpRequest.newBuilder(URI.create(url() + path)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).GET().build());
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.uri() + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
