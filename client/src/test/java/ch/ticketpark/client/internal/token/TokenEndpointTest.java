package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.BASIC;
import static ch.ticketpark.client.support.Fixtures.CLIENT_SECRET;
import static ch.ticketpark.client.support.Fixtures.PASSWORD;
import static ch.ticketpark.client.support.Fixtures.SECRETS;
import static ch.ticketpark.client.support.Fixtures.TOKEN_PATH;
import static ch.ticketpark.client.support.Fixtures.USERNAME;
import static ch.ticketpark.client.support.Fixtures.oauthError;
import static ch.ticketpark.client.support.Fixtures.token;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import ch.ticketpark.client.exception.InvalidGrantException;
import ch.ticketpark.client.exception.MalformedTokenResponseException;
import ch.ticketpark.client.exception.OAuthErrorException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.exception.TokenRequestException;

public class TokenEndpointTest extends TokenEndpointTestSupport {

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
    @ValueSource(strings = {"\"token_type\":\"bearer\",\"scope\":null", "\"token_type\":\"Bearer\"",
            "\"token_type\":\"BEARER\",\"scope\":\"api\"", "\"expires_in_extra\":1"})
    void acceptsTokenTypeInAnyCaseAndScopeNullOrAbsent(String fields) {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"access-1\",\"expires_in\":600," + fields + "}")));

        TokenResponse response = endpoint.passwordGrant(USERNAME, PASSWORD);

        assertThat(response.accessToken()).isEqualTo("access-1");
        assertThat(response.refreshToken()).isNull();
    }

    @Test
    void acceptsExpiresInAsNumericString() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withBody("{\"access_token\":\"access-1\",\"expires_in\":\"3600\",\"refresh_token\":\"refresh-1\"}")));

        assertThat(endpoint.passwordGrant(USERNAME, PASSWORD).expiresIn()).isEqualTo(Duration.ofHours(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401})
    void oauthErrorBecomesTypedExceptionWithErrorDescriptionAndStatus(int status) {
        server.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(oauthError(status, "unauthorized_client", "The grant type is unauthorized")));

        OAuthErrorException e = catchThrowableOfType(OAuthErrorException.class,
                () -> endpoint.passwordGrant(USERNAME, PASSWORD));

        assertThat(e).isNotInstanceOf(InvalidGrantException.class);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.error()).isEqualTo("unauthorized_client");
        assertThat(e.errorDescription()).isEqualTo("The grant type is unauthorized");
        assertThat(e.getMessage()).contains("TPC0002", "unauthorized_client", "HTTP " + status);
        assertNoSecretIn(e);
    }

    @Test
    void invalidGrantBecomesInvalidGrantException() {
        server.stubFor(
                post(urlEqualTo(TOKEN_PATH)).willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));

        InvalidGrantException e = catchThrowableOfType(InvalidGrantException.class,
                () -> endpoint.refreshGrant("refresh-1"));

        assertThat(e.error()).isEqualTo("invalid_grant");
        assertThat(e.errorDescription()).isEqualTo("Invalid refresh token");
        assertNoSecretIn(e);
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

    @ParameterizedTest
    @ValueSource(strings = {"<html><body>access-1</body></html>", "{\"access_token\":\"access-1\"",
            "{\"refresh_token\":\"refresh-1\",\"expires_in\":600}", "{\"access_token\":\"access-1\"}",
            "{\"access_token\":\"access-1\",\"expires_in\":0}",
            "{\"access_token\":\"access-1\",\"expires_in\":\"soon\"}",
            "[\"access-1\"]", ""})
    void answerWithoutUsableTokenIsMalformed(String body) {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200).withBody(body)));

        MalformedTokenResponseException e = refusal(() -> endpoint.passwordGrant(USERNAME, PASSWORD));

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.getMessage()).startsWith("TPC0007");
        assertNoSecretIn(e);
    }

    @Test
    void clientErrorWithoutOAuthBodyIsMalformed() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(403).withBody("{}")));

        assertThatThrownBy(() -> endpoint.passwordGrant(USERNAME, PASSWORD))
                .isInstanceOf(MalformedTokenResponseException.class)
                .hasMessageContaining("HTTP 403");
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
    void readTimeoutIsOnAndMeansUnavailable() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(token("access-1", "refresh-1", 600).withFixedDelay(3_000)));

        assertThatThrownBy(() -> endpoint.passwordGrant(USERNAME, PASSWORD))
                .isInstanceOf(TokenEndpointUnavailableException.class);
    }

    @Test
    void toStringShowsNoSecret() {
        assertThat(endpoint.toString()).doesNotContain(CLIENT_SECRET, BASIC.substring(6));
        assertThat(new TokenResponse("access-1", "refresh-1", Duration.ofSeconds(1)).toString())
                .doesNotContain("access-1", "refresh-1");
    }

    public static void assertNoSecretIn(TokenRequestException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRETS).doesNotContain(BASIC.substring(6));
            assertThat(t.toString()).doesNotContain(SECRETS);
        }
    }
}
