package ch.ticketpark.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {

    @Test
    void extractsBearerToken() {
        assertThat(AuthorizationHeader.bearerToken("Bearer abc-123_XYZ")).isEqualTo("abc-123_XYZ");
        assertThat(AuthorizationHeader.bearerToken("bearer abc")).isEqualTo("abc");
        assertThat(AuthorizationHeader.bearerToken("Bearer   abc  ")).isEqualTo("abc");
    }

    @Test
    void noBearerTokenWithoutBearerScheme() {
        assertThat(AuthorizationHeader.bearerToken(null)).isNull();
        assertThat(AuthorizationHeader.bearerToken("Basic ZGVtbzpkZW1v")).isNull();
        assertThat(AuthorizationHeader.bearerToken("Bearer")).isNull();
        assertThat(AuthorizationHeader.bearerToken("Bearer    ")).isNull();
        assertThat(AuthorizationHeader.bearerToken("abc")).isNull();
    }

    @Test
    void maskKeepsTheSchemeAndHidesTheCredentials() {
        assertThat(AuthorizationHeader.mask("Bearer s3cr3t-t0ken")).isEqualTo("Bearer ****");
        assertThat(AuthorizationHeader.mask("Basic ZGVtbzpkZW1v")).isEqualTo("Basic ****");
    }

    @Test
    void maskHidesAValueWithoutSchemeWhole() {
        assertThat(AuthorizationHeader.mask("s3cr3t-t0ken")).isEqualTo("****");
    }
}
