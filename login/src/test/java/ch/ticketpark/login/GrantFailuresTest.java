package ch.ticketpark.login;

import static ch.ticketpark.login.LoginFixtures.ACCESS_1;
import static ch.ticketpark.login.LoginFixtures.CLIENT_SECRET;
import static ch.ticketpark.login.LoginFixtures.PASSWORD;
import static ch.ticketpark.login.LoginFixtures.PLANTED;
import static ch.ticketpark.login.LoginFixtures.REFRESH_1;
import static ch.ticketpark.login.LoginFixtures.SECRETS_TYPED;
import static ch.ticketpark.login.LoginFixtures.TOKEN_PATH;
import static ch.ticketpark.login.LoginFixtures.args;
import static ch.ticketpark.login.LoginFixtures.oauthError;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * Each way the token endpoint can fail the password grant gives its own one-line message and exit code 1, stores
 * nothing, and echoes nothing: every answer plants the secrets and tokens where a careless message would quote them
 * (an error description, an HTML page, a token that breaks the rules).
 */
class GrantFailuresTest {

    @RegisterExtension
    static final WireMockExtension SERVER = LoginFixtures.wireMock();

    @TempDir
    Path directory;

    static Stream<Arguments> failures() {
        String echo = "echo of " + PASSWORD + " and " + CLIENT_SECRET;
        return Stream.of(
                Arguments.of(oauthError(400, "invalid_grant", "Invalid username and password combination: " + echo),
                        "The token endpoint rejected the username or the password (HTTP 400 invalid_grant); "
                                + "nothing stored"),
                Arguments.of(oauthError(401, "invalid_client", "The client credentials are invalid: " + echo),
                        "The token endpoint rejected the client key or the client secret (HTTP 401 invalid_client); "
                                + "nothing stored"),
                Arguments.of(oauthError(400, "invalid_client", echo),
                        "The token endpoint rejected the client key or the client secret (HTTP 400 invalid_client); "
                                + "nothing stored"),
                Arguments.of(aResponse().withStatus(401).withBody("<html>" + echo + "</html>"),
                        "The token endpoint rejected the client key or the client secret (HTTP 401); nothing stored"),
                Arguments.of(oauthError(400, "unsupported_grant_type", echo),
                        "The token endpoint refused the request (HTTP 400 unsupported_grant_type); nothing stored"),
                Arguments.of(oauthError(400, "Bad " + PASSWORD, echo),
                        "The token endpoint refused the request (HTTP 400); nothing stored"),
                Arguments.of(aResponse().withStatus(503).withBody(echo),
                        "The token endpoint answered HTTP 503 instead of a token: try again later; nothing stored"),
                Arguments.of(aResponse().withStatus(404).withBody("<html>" + echo + "</html>"),
                        "The token endpoint answered HTTP 404 instead of a token: check --token-url; nothing stored"),
                Arguments.of(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><form>" + REFRESH_1 + "</form></html>"),
                        "The token endpoint's answer (HTTP 200) is not a JSON object: check that --token-url is the "
                                + "token endpoint, not a login page or a proxy; nothing stored"),
                Arguments.of(json("{\"access_token\":\"" + ACCESS_1 + "\",\"expires_in\":3600}"),
                        "The token endpoint's answer (HTTP 200) has no refresh_token; nothing stored"),
                Arguments.of(json("{\"access_token\":\"" + ACCESS_1 + "\",\"refresh_token\":null}"),
                        "The token endpoint's answer (HTTP 200) has no refresh_token; nothing stored"),
                Arguments.of(json("{\"refresh_token\":[\"" + REFRESH_1 + "\"]}"),
                        "The token endpoint's answer (HTTP 200) has a refresh_token that is not a string; nothing "
                                + "stored"),
                Arguments.of(json("{\"refresh_token\":\"" + REFRESH_1 + " x\"}"),
                        "The token endpoint's refresh_token contains a space, which the application would refuse; "
                                + "nothing stored"),
                Arguments.of(json("{\"refresh_token\":\"" + REFRESH_1 + "\",\"access_token\":\"" + ACCESS_1),
                        "The token endpoint's answer (HTTP 200) is not a JSON object"),
                Arguments.of(json("[\"" + REFRESH_1 + "\"]"),
                        "The token endpoint's answer (HTTP 200) is not a JSON object"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachFailedAnswerIsNamedOnOneLineWithExitCodeOneAndNothingStoredOrEchoed(ResponseDefinitionBuilder answer,
            String message) throws IOException {
        SERVER.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(answer));

        LoginRun run = LoginRun.of(SECRETS_TYPED, args(SERVER, "--store", "file", "--directory",
                directory.toString()));

        assertThat(run.exitCode()).isEqualTo(Failure.FAILED);
        assertThat(run.err().lines()).last().asString().startsWith(message);
        assertThat(run.out()).isEmpty();
        assertThat(run.output()).doesNotContain(PLANTED);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("failures")
    void withPrintNothingReachesStdout(ResponseDefinitionBuilder answer, String message) {
        SERVER.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(answer));

        LoginRun run = LoginRun.of(SECRETS_TYPED, args(SERVER, "--print"));

        assertThat(run.exitCode()).isEqualTo(Failure.FAILED);
        assertThat(run.err()).contains(message);
        assertThat(run.out()).isEmpty();
        assertThat(run.output()).doesNotContain(PLANTED);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
