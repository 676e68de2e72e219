package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.PASSWORD;
import static ch.ticketpark.client.support.Fixtures.TOKEN_PATH;
import static ch.ticketpark.client.support.Fixtures.USERNAME;
import static ch.ticketpark.client.support.Fixtures.oauthError;
import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Secrets.assertNoSecretIn;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import ch.ticketpark.client.exception.InvalidClientException;
import ch.ticketpark.client.exception.InvalidGrantException;
import ch.ticketpark.client.exception.MalformedTokenResponseException;
import ch.ticketpark.client.exception.OAuthErrorException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.support.LogCapture;

/**
 * What the token endpoint's answers become: a usable token, a typed OAuth error, or a
 * {@link MalformedTokenResponseException} that names the problem and never the token.
 */
class TokenAnswersTest extends TokenEndpointTestSupport {

    @RegisterExtension
    final LogCapture log = new LogCapture();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            expires_in absent         | {"access_token":"access-1"}                              | expires_in is missing
            expires_in null           | {"access_token":"access-1","expires_in":null}            | expires_in is missing
            expires_in 0              | {"access_token":"access-1","expires_in":0}               | expires_in is 0, not a positive lifetime
            expires_in negative       | {"access_token":"access-1","expires_in":-600}            | expires_in is -600, not a positive lifetime
            expires_in negative text  | {"access_token":"access-1","expires_in":"-1"}            | expires_in is -1, not a positive lifetime
            expires_in a word         | {"access_token":"access-1","expires_in":"soon"}          | expires_in is not a number
            expires_in fractional     | {"access_token":"access-1","expires_in":600.5}           | expires_in is 600.5, not a whole number
            expires_in an object      | {"access_token":"access-1","expires_in":{}}              | expires_in is not a number
            token_type mac            | {"access_token":"access-1","expires_in":600,"token_type":"mac"}  | token_type is 'mac', not bearer
            token_type DPoP           | {"access_token":"access-1","expires_in":600,"token_type":"DPoP"} | token_type is 'DPoP', not bearer
            token_type a number       | {"access_token":"access-1","expires_in":600,"token_type":1}      | token_type is an unexpected value, not bearer
            access_token missing      | {"refresh_token":"refresh-1","expires_in":600}           | access_token is missing
            access_token empty        | {"access_token":"","expires_in":600}                     | access_token is missing
            access_token a number     | {"access_token":12345,"expires_in":600}                  | access_token is not a string
            access_token with space   | {"access_token":"access 1","expires_in":600}             | access_token contains a space
            access_token with CR LF   | {"access_token":"access-1\\r\\nX-Evil: 1","expires_in":600} | access_token contains a control character
            access_token with TAB     | {"access_token":"access-1\\t","expires_in":600}          | access_token contains a control character
            access_token non-ASCII    | {"access_token":"tok\\u00e9n","expires_in":600}          | access_token contains a non-ASCII character
            access_token with quote   | {"access_token":"access\\"1","expires_in":600}           | access_token contains a character that a Bearer token
            refresh_token with space  | {"access_token":"access-1","refresh_token":"refresh 1","expires_in":600} | refresh_token contains a space
            refresh_token with LF     | {"access_token":"access-1","refresh_token":"refresh\\n1","expires_in":600} | refresh_token contains a control character
            refresh_token non-ASCII   | {"access_token":"access-1","refresh_token":"r\\u00fcfresh","expires_in":600} | refresh_token contains a non-ASCII character
            refresh_token a number    | {"access_token":"access-1","refresh_token":1,"expires_in":600} | refresh_token is not a string
            truncated JSON            | {"access_token":"access-1","expires_in":60               | the body is not complete, valid JSON
            JSON array                | ["access-1"]                                             | the body is not a JSON object
            HTML page                 | <!DOCTYPE html><html><body>Maintenance access-1</body></html> | the body is an HTML page
            plain text                | access-1                                                 | the body is not complete, valid JSON
            """)
    void answerWithStatus200WithoutAUsableTokenIsMalformed(String row, String body, String problem) {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));

        MalformedTokenResponseException e = refusal(() -> endpoint.passwordGrant(USERNAME, PASSWORD));

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.getMessage()).startsWith("TPC0007").contains(problem);
        assertThat(e.getMessage()).doesNotContain("access 1", "access-1", "refresh 1", "r\u00fcfresh", "tok\u00e9n")
                .doesNotContain("\r", "\n", "\t");
        assertThat(e.getCause()).isNull();
        assertNoSecretIn(e);
    }

    @Test
    void emptyBodyIsMalformed() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)));

        assertThat(refusal(() -> endpoint.passwordGrant(USERNAME, PASSWORD))).hasMessageContaining("the body is empty");
    }

    @Test
    void htmlLabelledAsHtmlIsMalformedEvenIfItLooksLikeJson() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=UTF-8").withBody("  {\"maintenance\":true}")));

        assertThat(refusal(() -> endpoint.passwordGrant(USERNAME, PASSWORD))).hasMessageContaining("HTML page");
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

    /** The parser's own rule, whoever calls it: only a 2xx answer is a success. */
    @Test
    void onlyA2xxAnswerIsParsedAsAToken() {
        String body = "{\"access_token\":\"access-1\",\"expires_in\":600}";

        assertThat(TokenAnswers.parse("password", 299, "application/json", body, null).accessToken())
                .isEqualTo("access-1");
        assertThat(catchThrowable(() -> TokenAnswers.parse("password", 300, "application/json", body, null)))
                .isInstanceOf(MalformedTokenResponseException.class).hasMessageContaining("HTTP 300");
    }

    @Test
    void clientErrorWithoutOAuthBodyIsMalformed() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(403).withBody("{}")));

        assertThatThrownBy(() -> endpoint.passwordGrant(USERNAME, PASSWORD))
                .isInstanceOf(MalformedTokenResponseException.class)
                .hasMessageContaining("HTTP 403");
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

    @Test
    void bearerTokenCharactersAreAccepted() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withBody("{\"access_token\":\"aZ09-._~+/==\",\"expires_in\":600,\"token_type\":\"bearer\","
                        + "\"refresh_token\":\"r!#$%&'()*+,-./:;<=>?@[]^_`{|}~\"}")));

        TokenResponse response = endpoint.passwordGrant(USERNAME, PASSWORD);

        assertThat(response.accessToken()).isEqualTo("aZ09-._~+/==");
        assertThat(response.refreshToken()).startsWith("r!#");
    }

    @Test
    void absurdlyLargeLifetimeIsCappedToOneDayAndSaysSo() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withBody("{\"access_token\":\"access-1\",\"expires_in\":1e30}")));

        assertThat(endpoint.passwordGrant(USERNAME, PASSWORD).expiresIn()).isEqualTo(Duration.ofDays(1));

        List<LogRecord> warnings = log.records().stream()
                .filter(record -> record.getLoggerName().equals(TokenAnswers.class.getName())).toList();
        assertThat(warnings).singleElement().extracting(LogRecord::getMessage).asString()
                .startsWith("TPC0108").contains("PT24H").doesNotContain("access-1");
    }

    @Test
    void lifetimeOfExactlyOneDayIsBelievedWithoutAWarning() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withBody("{\"access_token\":\"access-1\",\"expires_in\":86400}")));

        assertThat(endpoint.passwordGrant(USERNAME, PASSWORD).expiresIn()).isEqualTo(Duration.ofDays(1));

        assertThat(log.records()).noneMatch(record -> record.getLoggerName().equals(TokenAnswers.class.getName()));
    }

    @Test
    void largeLifetimeAsStringIsCappedToo() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withBody("{\"access_token\":\"access-1\",\"expires_in\":\"99999999999999999999\"}")));

        assertThat(endpoint.passwordGrant(USERNAME, PASSWORD).expiresIn()).isEqualTo(Duration.ofDays(1));
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
    @ValueSource(ints = {400, 401})
    void invalidClientNamesTheKeysToFix(int status) {
        server.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(oauthError(status, "invalid_client", "The client credentials are invalid")));

        InvalidClientException e = catchThrowableOfType(InvalidClientException.class,
                () -> endpoint.refreshGrant("refresh-1"));

        assertThat(e).isInstanceOf(OAuthErrorException.class);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.error()).isEqualTo("invalid_client");
        assertThat(e.errorDescription()).isEqualTo("The client credentials are invalid");
        assertThat(e.getMessage()).startsWith("TPC0100")
                .contains("ticketpark.client-key", "ticketpark.client-secret", "rotated");
        assertNoSecretIn(e);
    }

    @Test
    void temporarilyUnavailableIsUnavailableNotAnOAuthError() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(oauthError(400, "temporarily_unavailable", "Down for maintenance")));

        TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                () -> endpoint.passwordGrant(USERNAME, PASSWORD));

        assertThat(e.getMessage()).startsWith("TPC0106").contains("Down for maintenance");
    }
}
