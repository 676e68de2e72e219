package ch.ticketpark.login;

import static ch.ticketpark.login.LoginFixtures.ACCESS_1;
import static ch.ticketpark.login.LoginFixtures.BASIC;
import static ch.ticketpark.login.LoginFixtures.CLIENT_KEY;
import static ch.ticketpark.login.LoginFixtures.CLIENT_SECRET;
import static ch.ticketpark.login.LoginFixtures.PASSWORD;
import static ch.ticketpark.login.LoginFixtures.PLANTED;
import static ch.ticketpark.login.LoginFixtures.REFRESH_1;
import static ch.ticketpark.login.LoginFixtures.SECRETS_TYPED;
import static ch.ticketpark.login.LoginFixtures.TOKEN_PATH;
import static ch.ticketpark.login.LoginFixtures.USERNAME;
import static ch.ticketpark.login.LoginFixtures.args;
import static ch.ticketpark.login.LoginFixtures.form;
import static ch.ticketpark.login.LoginFixtures.token;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * What the token endpoint receives for the password grant, byte for byte where it matters, and that the password
 * goes nowhere else: no redirect is followed.
 */
class TokenRequestTest {

    @RegisterExtension
    static final WireMockExtension SERVER = LoginFixtures.wireMock();
    /** HTTPS with WireMock's own certificate, which no trust store of this JVM trusts. */
    @RegisterExtension
    static final WireMockExtension UNTRUSTED = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort()).build();
    /** Where a redirect points: it must never receive anything. */
    @RegisterExtension
    static final WireMockExtension ELSEWHERE = LoginFixtures.wireMock();

    @Test
    void thePasswordGrantIsOnePostOfTheDocumentedFormWithBasicClientCredentials() {
        SERVER.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token(ACCESS_1, REFRESH_1)));

        LoginRun run = LoginRun.of(SECRETS_TYPED, args(SERVER, "--print"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<LoggedRequest> requests = SERVER.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo(TOKEN_PATH);
        assertThat(request.getHeader("Authorization")).isEqualTo(BASIC);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form(request.getBodyAsString())).containsExactly(entry("grant_type", "password"),
                entry("username", USERNAME), entry("password", PASSWORD));
        assertThat(request.getBodyAsString()).doesNotContain(" ", "\u00fc");
    }

    @Test
    void aRedirectIsNotFollowedAndNothingReachesItsTarget() {
        SERVER.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", ELSEWHERE.baseUrl() + TOKEN_PATH + "?leak=" + REFRESH_1)));
        ELSEWHERE.stubFor(any(anyUrl()).willReturn(token(ACCESS_1, REFRESH_1)));

        LoginRun run = LoginRun.of(SECRETS_TYPED, args(SERVER, "--print"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("The token endpoint answered HTTP 302 redirecting to http://localhost:"
                + ELSEWHERE.getPort() + ", which is not followed: give the token endpoint itself as --token-url");
        assertThat(run.out()).isEmpty();
        assertThat(run.output()).doesNotContain(PLANTED);
        assertThat(ELSEWHERE.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(SERVER.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void aRedirectToAPathOfTheSameHostIsNotFollowedEither() {
        SERVER.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(aResponse().withStatus(307).withHeader("Location", "/login")));
        SERVER.stubFor(any(urlEqualTo("/login")).willReturn(token(ACCESS_1, REFRESH_1)));

        LoginRun run = LoginRun.of(SECRETS_TYPED, args(SERVER, "--print"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("HTTP 307 redirecting to a path on the same host, which is not followed");
        assertThat(SERVER.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void anEndpointThatAcceptsTheConnectionButNeverAnswersEndsTheGrantAfterTheRequestTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PasswordGrant grant = new PasswordGrant(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/token"),
                    Duration.ofSeconds(5), Duration.ofMillis(300));

            assertThatThrownBy(() -> grant.refreshToken(CLIENT_KEY, CLIENT_SECRET.toCharArray(), USERNAME,
                    PASSWORD.toCharArray()))
                    .isInstanceOf(Failure.class)
                    .hasMessage("The token endpoint http://127.0.0.1:" + silent.getLocalPort()
                            + " did not answer within 300 ms; nothing stored")
                    .extracting(failure -> ((Failure) failure).exitCode()).isEqualTo(Failure.FAILED);
        }
    }

    @Test
    void anEndpointThatIsDownIsNamedByItsOriginOnly() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        LoginRun run = LoginRun.of(SECRETS_TYPED, "--token-url", "http://127.0.0.1:" + port + TOKEN_PATH + "?x=y",
                "--client-key", CLIENT_KEY, "--username", USERNAME, "--print");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Cannot reach the token endpoint http://127.0.0.1:" + port + " (")
                .contains("ConnectException").contains("; nothing stored").doesNotContain(TOKEN_PATH, "x=y");
        assertThat(run.output()).doesNotContain(PLANTED);
    }

    @Test
    void aCertificateTheJvmDoesNotTrustEndsTheGrantBeforeThePasswordIsSentAndPointsToTheTrustStore() {
        UNTRUSTED.stubFor(any(anyUrl()).willReturn(token(ACCESS_1, REFRESH_1)));
        String origin = "https://localhost:" + UNTRUSTED.getHttpsPort();

        LoginRun run = LoginRun.of(SECRETS_TYPED, "--token-url", origin + TOKEN_PATH, "--client-key", CLIENT_KEY,
                "--username", USERNAME, "--print");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("TLS with the token endpoint " + origin + " failed (SSLHandshakeException: ")
                .contains("); if its certificate is issued by a private CA, run java "
                        + "-Djavax.net.ssl.trustStore=<file> (see --help); nothing sent");
        assertThat(run.out()).isEmpty();
        assertThat(run.output()).doesNotContain(PLANTED);
        assertThat(UNTRUSTED.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
