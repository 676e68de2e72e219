package ch.ticketpark.client.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"aZ09-._~+/", "abc=", "abc==", "MTIzNDU2Nzg5MA"})
    void anAccessTokenIsAnRfc6750B64tokenWithPaddingAtTheEndOnly(String token) {
        assertThat(TokenSyntax.whyNotAccessToken(token)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a=b      | contains a character that a Bearer token (RFC 6750 b64token) does not allow",
            "a!b      | contains a character that a Bearer token (RFC 6750 b64token) does not allow",
            "==       | consists of '=' only",
            "'a b'    | contains a space",
            "'a\tb'   | contains a control character",
            "\u00e4b  | contains a non-ASCII character",
            "''       | is empty"})
    void anyOtherAccessTokenIsRefusedNamingTheKindOfCharacterOnly(String token, String problem) {
        assertThat(TokenSyntax.whyNotAccessToken(token)).contains(problem);
    }

    @Test
    void aRefreshTokenMayHoldAnyPrintableAsciiButASpace() {
        assertThat(TokenSyntax.whyNotRefreshToken("r!#$%&'()*+,-./:;<=>?@[]^_`{|}~\"\\")).isEmpty();
        assertThat(TokenSyntax.whyNotRefreshToken("r 1")).contains("contains a space");
        assertThat(TokenSyntax.whyNotRefreshToken("r\u007f")).contains("contains a control character");
        assertThat(TokenSyntax.whyNotRefreshToken("r\u00fc")).contains("contains a non-ASCII character");
        assertThat(TokenSyntax.whyNotRefreshToken("")).contains("is empty");
    }
}
