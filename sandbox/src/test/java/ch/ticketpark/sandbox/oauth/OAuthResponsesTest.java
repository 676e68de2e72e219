package ch.ticketpark.sandbox.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OAuthResponsesTest {

    @Test
    void challengeNamesRealmErrorAndDescriptionLikeFos() {
        assertThat(OAuthResponses.challenge(OAuthError.AUTHENTICATION_REQUIRED)).isEqualTo(
                "Bearer realm=\"Service\", error=\"access_denied\", error_description=\"OAuth2 authentication required\"");
        assertThat(OAuthResponses.challenge(OAuthError.ACCESS_TOKEN_INVALID)).isEqualTo(
                "Bearer realm=\"Service\", error=\"invalid_grant\","
                        + " error_description=\"The access token provided is invalid.\"");
        assertThat(OAuthResponses.challenge(OAuthError.ACCESS_TOKEN_EXPIRED))
                .endsWith("error_description=\"The access token provided has expired.\"");
    }

    @Test
    void quotesInDescriptionsAreEscaped() {
        assertThat(OAuthResponses.challenge(new OAuthError("x", "say \"hi\"")))
                .endsWith("error_description=\"say \\\"hi\\\"\"");
    }

    @Test
    void anErrorWithoutDescriptionHasAJsonNullOneAndNoneInTheChallenge() {
        assertThat(OAuthResponses.body(OAuthError.GRANT_TYPE_UNSUPPORTED).toString())
                .isEqualTo("{\"error\":\"unsupported_grant_type\",\"error_description\":null}");
        assertThat(OAuthResponses.challenge(new OAuthError("x", null)))
                .isEqualTo("Bearer realm=\"Service\", error=\"x\"");
    }
}
