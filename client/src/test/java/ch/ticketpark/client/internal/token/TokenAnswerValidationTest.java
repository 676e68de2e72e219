package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.PASSWORD;
import static ch.ticketpark.client.support.Fixtures.TOKEN_PATH;
import static ch.ticketpark.client.support.Fixtures.USERNAME;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ch.ticketpark.client.exception.MalformedTokenResponseException;

/**
 * Every answer that carries no usable token fails with a {@link MalformedTokenResponseException} that names the
 * problem and never the token: the rows of the failure behaviour table (docs/token-lifecycle.md) about malformed
 * answers.
 */
class TokenAnswerValidationTest extends TokenEndpointTestSupport {

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
        TokenEndpointTest.assertNoSecretIn(e);
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

    @Test
    void absurdlyLargeLifetimeIsCappedToOneDayAndSaysSo() {
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = new Handler() {

            @Override
            public void publish(LogRecord record) {
                warnings.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(TokenAnswers.class.getName());
        logger.addHandler(handler);
        try {
            server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                    .withBody("{\"access_token\":\"access-1\",\"expires_in\":1e30}")));

            assertThat(endpoint.passwordGrant(USERNAME, PASSWORD).expiresIn()).isEqualTo(Duration.ofDays(1));
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(warnings).singleElement().extracting(LogRecord::getMessage).asString()
                .startsWith("TPC0108").contains("PT24H").doesNotContain("access-1");
    }

    @Test
    void largeLifetimeAsStringIsCappedToo() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withBody("{\"access_token\":\"access-1\",\"expires_in\":\"99999999999999999999\"}")));

        assertThat(endpoint.passwordGrant(USERNAME, PASSWORD).expiresIn()).isEqualTo(Duration.ofDays(1));
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
}
