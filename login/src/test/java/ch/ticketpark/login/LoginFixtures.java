package ch.ticketpark.login;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * The account, its secrets and the token endpoint's answers that the tests share. Every secret and token is a
 * distinctive string planted so that a test can prove it appears in no output.
 */
final class LoginFixtures {

    static final String CLIENT_KEY = "1_client-key";
    static final String CLIENT_SECRET = "cl1ent-SECRET-plant-4711";
    static final String USERNAME = "jane+ops@example.com";
    /** With characters the form encoding must carry: {@code & = + space ü}. */
    static final String PASSWORD = "pw&PLANT=j4ne+0815 \u00fc";
    static final String DATABASE_PASSWORD = "db-PLANT-pa55-2024";
    static final String REFRESH_1 = "refresh-PLANT-1-a9f3e0";
    static final String REFRESH_2 = "refresh-PLANT-2-c41d7b";
    static final String ACCESS_1 = "access-PLANT-1-b7e2c9";
    static final String ACCESS_2 = "access-PLANT-2-e8a1f4";
    static final String TOKEN_PATH = "/oauth/v2/token";
    static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((CLIENT_KEY + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

    /** What the operator types: the client secret and the user's password. */
    static final String SECRETS_TYPED = CLIENT_SECRET + "\n" + PASSWORD + "\n";

    /** Every planted value: none may appear in the tool's output (but the one token {@code --print} prints). */
    static final List<String> PLANTED = List.of(CLIENT_SECRET, PASSWORD, DATABASE_PASSWORD, REFRESH_1, REFRESH_2,
            ACCESS_1, ACCESS_2, "PLANT");

    private LoginFixtures() {
    }

    /** A WireMock server on a free port, for {@code @RegisterExtension}; its stubs and requests reset per test. */
    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    static String tokenUrl(WireMockExtension server) {
        return server.baseUrl() + TOKEN_PATH;
    }

    /** The arguments of a login against {@code server}, followed by {@code more}. */
    static String[] args(WireMockExtension server, String... more) {
        String[] args = new String[6 + more.length];
        args[0] = "--token-url";
        args[1] = tokenUrl(server);
        args[2] = "--client-key";
        args[3] = CLIENT_KEY;
        args[4] = "--username";
        args[5] = USERNAME;
        System.arraycopy(more, 0, args, 6, more.length);
        return args;
    }

    /** A FOS-style token answer, as Ticketpark's. */
    static ResponseDefinitionBuilder token(String accessToken, String refreshToken) {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "no-store")
                .withBody("{\"access_token\":\"" + accessToken + "\",\"expires_in\":3600,\"token_type\":\"bearer\","
                        + "\"scope\":null,\"refresh_token\":\"" + refreshToken + "\"}");
    }

    static ResponseDefinitionBuilder oauthError(int status, String error, String description) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
    }

    /** A form body's fields, decoded, in order. */
    static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
