package ch.ticketpark.bench.liberty;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The static variant's token: one access token from the token endpoint the library is configured with, by the
 * password grant with the library's account, requested on first use and never renewed. The bench server's sandbox
 * issues tokens that outlive the run.
 */
@ApplicationScoped
public class StaticToken {

    private final URI tokenUrl;
    private final String basic;
    private final String form;
    private volatile String accessToken;

    @Inject
    public StaticToken(@ConfigProperty(name = "ticketpark.token-url") String tokenUrl,
            @ConfigProperty(name = "ticketpark.client-key") String clientKey,
            @ConfigProperty(name = "ticketpark.client-secret") String clientSecret,
            @ConfigProperty(name = "ticketpark.username") String username,
            @ConfigProperty(name = "ticketpark.password") String password) {
        this.tokenUrl = tokenUrl == null ? null : URI.create(tokenUrl);
        this.basic = "Basic " + Base64.getEncoder()
                .encodeToString((clientKey + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.form = "grant_type=password&username="
                + URLEncoder.encode(String.valueOf(username), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(String.valueOf(password), StandardCharsets.UTF_8);
    }

    /** For the CDI client proxy only. */
    protected StaticToken() {
        this(null, null, null, null, null);
    }

    /** The access token; the first call requests it. */
    public String accessToken() {
        String token = accessToken;
        if (token == null) {
            synchronized (this) {
                token = accessToken;
                if (token == null) {
                    token = request();
                    accessToken = token;
                }
            }
        }
        return token;
    }

    private String request() {
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(10))
                .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The token endpoint answered " + response.statusCode());
            }
            JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
            return body.getString("access_token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
