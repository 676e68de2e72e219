package ch.ticketpark.client.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Credentials, a WireMock server and token endpoint answers shared by the unit tests. */
public final class Fixtures {

    public static final String CLIENT_KEY = "client-key-1";
    public static final String CLIENT_SECRET = "s3cret-of-the-client";
    public static final String USERNAME = "jane@example.com";
    public static final String PASSWORD = "pa55word-of-jane";
    public static final String BASIC = "Basic "
            + Base64.getEncoder().encodeToString((CLIENT_KEY + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    public static final String TOKEN_PATH = "/oauth/v2/token";
    /** The last segment of the webhook URL ({@code ticketpark.webhook.secret}). */
    public static final String WEBHOOK_SECRET = "hook-S3cret_of.the~app";

    /** Every secret a test uses: none may appear in a message or a {@code toString()}. */
    public static final List<String> SECRETS = List.of(CLIENT_SECRET, PASSWORD, "access-1", "refresh-1", "access-2",
            "refresh-2", "access-3", "refresh-3", "seed-refresh", WEBHOOK_SECRET);

    private Fixtures() {
    }

    /** A WireMock server on a free port, for {@code @RegisterExtension}; its stubs and requests reset per test. */
    /** The WireMock server of the API or token endpoint under test. */
    public static SharedWireMock wireMock() {
        return SharedWireMock.named("primary");
    }

    /** A WireMock server at another origin than {@link #wireMock()}'s. */
    public static SharedWireMock otherOrigin() {
        return SharedWireMock.named("elsewhere");
    }

    public static MappingBuilder tokenRequest(String grantType) {
        return post(urlEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=" + grantType));
    }

    /** A FOS-style answer: {@code token_type} "bearer", {@code scope} null. */
    public static ResponseDefinitionBuilder token(String accessToken, String refreshToken, long expiresIn) {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "no-store")
                .withBody("{\"access_token\":\"" + accessToken + "\",\"expires_in\":" + expiresIn
                        + ",\"token_type\":\"bearer\",\"scope\":null,\"refresh_token\":\"" + refreshToken + "\"}");
    }

    /** An answer of the Ticketpark API: JSON if the body looks like it, else plain text. */
    public static ResponseDefinitionBuilder apiAnswer(int status, String body) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", body.startsWith("{") ? "application/json" : "text/plain").withBody(body);
    }

    /** The {@code Authorization} headers the server received, in order. */
    public static List<String> authorizations(SharedWireMock server) {
        return server.findAll(anyRequestedFor(anyUrl())).stream().map(request -> request.getHeader("Authorization"))
                .toList();
    }

    public static ResponseDefinitionBuilder oauthError(int status, String error, String description) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
    }
}
