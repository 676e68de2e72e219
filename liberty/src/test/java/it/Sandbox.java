package it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.json.Json;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The sandbox's demo credentials, its URL and a password grant at its token endpoint. Works in the test JVM (URL from
 * the {@code http.port} system property) and inside Liberty (URL from the deployment's configuration). Its control
 * plane ({@code /_sandbox/...}) is the test kit's: {@link ch.ticketpark.sandbox.client.SandboxControl}.
 */
public final class Sandbox {

    public static final String CLIENT_KEY = "demo-client";
    public static final String CLIENT_SECRET = "demo-secret";
    public static final String USERNAME = "demo@ticketpark.test";
    public static final String PASSWORD = "demo-password";
    /** The webhook secret of the ITs' receivers: the last segment of the URL the sandbox sends its webhooks to. */
    public static final String WEBHOOK_SECRET = "wh7Kq2ZxR9pLm4Tn8VbY3cJd";
    /** The example application's webhook secret (its microprofile-config.properties). */
    public static final String EXAMPLE_WEBHOOK_SECRET = "example-webhook-secret-0001";

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
