package ch.ticketpark.sandbox.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenRequestTest {

    @Test
    void emptyParametersCountAsAbsent() {
        TokenRequest request = new TokenRequest("", "", "", "", "", "", "");

        assertThat(request).isEqualTo(new TokenRequest(null, null, null, null, null, null, null));
    }

    @Test
    void keepsGivenParameters() {
        TokenRequest request = new TokenRequest("refresh_token", "Basic x", "id", "secret", "user", "pw", "rt");

        assertThat(request.grantType()).isEqualTo("refresh_token");
        assertThat(request.refreshToken()).isEqualTo("rt");
    }
}
