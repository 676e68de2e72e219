package it.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import org.jboss.shrinkwrap.api.spec.WebArchive;

import it.Deployments;

/**
 * Plain HTTP against the sandbox deployed by server.xml, as a user's test would talk to it: the token endpoint and the
 * Bearer-protected API. The test-only control plane {@code /_sandbox/...} is the test kit's
 * {@link ch.ticketpark.sandbox.client.SandboxControl}; {@link #send} reaches it directly only where a test is about
 * its HTTP answers.
 */
final class SandboxHttp {

    static final String CLIENT_KEY = "demo-client";
    static final String CLIENT_SECRET = "demo-secret";
    static final String USERNAME = "demo@ticketpark.test";
    static final String PASSWORD = "demo-password";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private String accessToken;

    /**
     * A WAR with nothing in it: deploying it makes Arquillian start Liberty, whose server.xml deploys the sandbox.
     */
    static WebArchive emptyWar(String name) {
        return Deployments.placeholder(name);
    }

    static String base() {
        return "http://localhost:" + System.getProperty("http.port") + "/sandbox";
    }

    // --- token endpoint ---

    /** A token request with Basic client authentication and these form fields. */
    static Reply token(Map<String, String> form) {
        return tokenRequest(basic(CLIENT_KEY, CLIENT_SECRET), form);
    }

    static Reply tokenRequest(String authorization, Map<String, String> form) {
        HttpRequest.Builder request = request("/oauth/v2/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    static Reply passwordGrant() {
        return token(form("grant_type", "password", "username", USERNAME, "password", PASSWORD));
    }

    static Reply refreshGrant(String refreshToken) {
        return token(form("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    static String basic(String key, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    // --- API, with a token from the password grant ---

    Reply get(String path) {
        return send(api(path).GET());
    }

    Reply head(String path) {
        return send(api(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    Reply post(String path, JsonStructure body) {
        return send(api(path).POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    Reply patch(String path, JsonStructure body) {
        return send(api(path).method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    Reply delete(String path) {
        return send(api(path).DELETE());
    }

    /** GET of a URL as the API wrote it (a Location header), brackets and all. */
    Reply getUrl(String url) {
        return send(withToken(HttpRequest.newBuilder(URI.create(encodeBrackets(url)))).GET());
    }

    /**
     * Forgets the access token held, so that the next call gets a new one: after the sandbox's clock moved past its
     * lifetime (600 s).
     */
    void logInAgain() {
        accessToken = null;
    }

    String accessToken() {
        if (accessToken == null) {
            accessToken = expect(200, passwordGrant()).json().getString("access_token");
        }
        return accessToken;
    }

    static JsonObject object(String json) {
        return Json.createReader(new java.io.StringReader(json)).readObject();
    }

    static Reply expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + reply);
        }
        return reply;
    }

    static Reply send(HttpRequest.Builder request) {
        try {
            return Reply.of(HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + encodeBrackets(path)));
    }

    private HttpRequest.Builder api(String path) {
        return withToken(request(path));
    }

    private HttpRequest.Builder withToken(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + accessToken())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json");
    }

    /** java.net.URI refuses raw brackets in a query; the sandbox accepts both forms. */
    static String encodeBrackets(String text) {
        return text.replace("[", "%5B").replace("]", "%5D").replace(" ", "%20");
    }

    private static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
