package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.BASIC;
import static ch.ticketpark.client.support.Fixtures.CLIENT_SECRET;
import static ch.ticketpark.client.support.Fixtures.PASSWORD;
import static ch.ticketpark.client.support.Fixtures.TOKEN_PATH;
import static ch.ticketpark.client.support.Fixtures.USERNAME;
import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Secrets.assertNoSecretIn;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import ch.ticketpark.client.exception.MalformedTokenResponseException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.support.Fixtures;
import ch.ticketpark.client.support.RealTime;
import ch.ticketpark.client.support.SharedWireMock;

/** The token endpoint over HTTP: the requests it sends, and what a status, a fault or a redirect becomes. */
class TokenEndpointTest extends TokenEndpointTestSupport {

    @RegisterExtension
    static SharedWireMock elsewhere = Fixtures.otherOrigin();

    @Test
    void passwordGrantIsTheDocumentedRequest() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("access-1", "refresh-1", 600)));

        TokenResponse response = endpoint.passwordGrant(USERNAME, PASSWORD);

        assertThat(response.accessToken()).isEqualTo("access-1");
        assertThat(response.refreshToken()).isEqualTo("refresh-1");
        assertThat(response.expiresIn()).isEqualTo(Duration.ofSeconds(600));
        server.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded")));
        LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic Y2xpZW50LWtleS0xOnMzY3JldC1vZi10aGUtY2xpZW50");
        assertThat(request.getBodyAsString())
                .isEqualTo("grant_type=password&username=jane%40example.com&password=pa55word-of-jane");
    }

    @Test
    void refreshGrantIsTheDocumentedRequest() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("access-2", "refresh-2", 600)));

        endpoint.refreshGrant("refresh-1");

        server.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=refresh-1")));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void serverErrorMeansUnavailable(int status) {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(status).withBody("<html/>")));

        TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                () -> endpoint.passwordGrant(USERNAME, PASSWORD));

        assertThat(e.status()).isEqualTo(status);
        assertThat(e.getMessage()).contains("TPC0005", "HTTP " + status);
    }

    @Test
    void tooManyRequestsIsUnavailableWithTheServersRetryAfter() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "12")));

        TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                () -> endpoint.passwordGrant(USERNAME, PASSWORD));

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.getMessage()).startsWith("TPC0107");
    }

    @Test
    void unusableRetryAfterIsIgnored() {
        assertThat(endpoint.retryAfter("soon")).isNull();
        assertThat(endpoint.retryAfter(" 3 ")).isEqualTo(Duration.ofSeconds(3));
        assertThat(endpoint.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
    }

    @Test
    void droppedConnectionMeansUnavailable() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                () -> endpoint.passwordGrant(USERNAME, PASSWORD));

        assertThat(e.status()).isZero();
        assertThat(e.getMessage()).startsWith("TPC0006").contains(server.baseUrl());
        assertNoSecretIn(e);
    }

    @Test
    @RealTime
    void readTimeoutIsOnAndMeansUnavailable() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(token("access-1", "refresh-1", 600).withFixedDelay(3_000)));

        assertThatThrownBy(() -> endpoint.passwordGrant(USERNAME, PASSWORD))
                .isInstanceOf(TokenEndpointUnavailableException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 301, 302, 303, 307, 308})
    void tokenEndpointRedirectIsRefusedAndNothingReachesTheOtherHost(int status) {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Location", elsewhere.baseUrl() + "/oauth/v2/token?x=y")));
        elsewhere.stubFor(post(anyUrl()).willReturn(token("access-1", "refresh-1", 600)));

        MalformedTokenResponseException e = catchThrowableOfType(MalformedTokenResponseException.class,
                () -> endpoint.passwordGrant(USERNAME, PASSWORD));

        assertThat(e.getMessage()).startsWith("TPC0105").contains(elsewhere.baseUrl(), "ticketpark.token-url")
                .doesNotContain("x=y");
        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    /** A redirect that names no other host is refused too, and its message tells why without quoting the target. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            none                       | nowhere (no Location header)
            /oauth/v2/token?secret=x-y | a path on the same host
            ::secret=x-y::             | an invalid URL
            """)
    void redirectWithoutAnotherHostIsRefusedAndSaysWhereItPointed(String location, String where) {
        var redirect = aResponse().withStatus(302);
        server.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(location == null ? redirect : redirect.withHeader("Location", location)));

        MalformedTokenResponseException e = catchThrowableOfType(MalformedTokenResponseException.class,
                () -> endpoint.passwordGrant(USERNAME, PASSWORD));

        assertThat(e.getMessage()).startsWith("TPC0105").contains(where).doesNotContain("x-y");
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void closedEndpointSendsNothing() {
        endpoint.close();

        assertThatThrownBy(() -> endpoint.passwordGrant(USERNAME, PASSWORD)).isInstanceOf(IllegalStateException.class);
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void toStringNamesTheUrlAndShowsNoSecret() {
        assertThat(endpoint.toString()).isEqualTo("TokenEndpoint[" + server.baseUrl() + TOKEN_PATH + "]")
                .doesNotContain(CLIENT_SECRET, BASIC.substring(6));
    }
}
