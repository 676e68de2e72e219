package ch.ticketpark.sandbox.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class ClientCredentialsTest {

    @Test
    void decodesBasicHeader() {
        assertThat(ClientCredentials.resolve(basic("demo-client:demo-secret"), null, null))
                .contains(new ClientCredentials("demo-client", "demo-secret"));
    }

    @Test
    void basicSchemeIsCaseInsensitiveAndSecretMayContainColons() {
        String header = "basic " + encode("key:se:cr:et");

        assertThat(ClientCredentials.resolve(header, null, null)).contains(new ClientCredentials("key", "se:cr:et"));
    }

    @Test
    void basicHeaderTakesPrecedenceOverFormFields() {
        assertThat(ClientCredentials.resolve(basic("header-key:header-secret"), "form-key", "form-secret"))
                .contains(new ClientCredentials("header-key", "header-secret"));
    }

    @Test
    void fallsBackToFormFields() {
        assertThat(ClientCredentials.resolve(null, "form-key", "form-secret"))
                .contains(new ClientCredentials("form-key", "form-secret"));
        assertThat(ClientCredentials.resolve(null, "form-key", null))
                .contains(new ClientCredentials("form-key", null));
    }

    @Test
    void otherAuthorizationSchemesAreIgnored() {
        assertThat(ClientCredentials.resolve("Bearer abc", "form-key", "form-secret"))
                .contains(new ClientCredentials("form-key", "form-secret"));
        assertThat(ClientCredentials.resolve("Bearer abc", null, null)).isEmpty();
    }

    @Test
    void noCredentialsAtAll() {
        assertThat(ClientCredentials.resolve(null, null, null)).isEmpty();
        assertThat(ClientCredentials.resolve(null, "", "secret")).isEmpty();
    }

    @Test
    void malformedBase64IsInvalidClient() {
        assertThatExceptionOfType(OAuthException.class)
                .isThrownBy(() -> ClientCredentials.resolve("Basic ***not base64***", "form-key", "form-secret"))
                .satisfies(e -> assertThat(e.error()).isEqualTo(OAuthError.CLIENT_CREDENTIALS_INVALID));
    }

    @Test
    void basicValueWithoutColonIsInvalidClient() {
        assertThatExceptionOfType(OAuthException.class)
                .isThrownBy(() -> ClientCredentials.resolve(basic("just-a-key"), null, null))
                .satisfies(e -> assertThat(e.error().error()).isEqualTo("invalid_client"));
    }

    private static String basic(String keyAndSecret) {
        return "Basic " + encode(keyAndSecret);
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
