package ch.ticketpark.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

    @Test
    void defaultsAreTheDocumentedDemoValues() {
        SandboxSettings settings = SandboxSettings.defaults();

        assertThat(settings.clientKey()).isEqualTo("demo-client");
        assertThat(settings.clientSecret()).isEqualTo("demo-secret");
        assertThat(settings.username()).isEqualTo("demo@ticketpark.test");
        assertThat(settings.password()).isEqualTo("demo-password");
        assertThat(settings.accessTokenLifetime()).isEqualTo(Duration.ofSeconds(600));
        assertThat(settings.refreshTokenLifetime()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void keysShareThePrefix() {
        assertThat(SandboxSettings.CLIENT_KEY).isEqualTo("sandbox.client-key");
        assertThat(SandboxSettings.ACCESS_TOKEN_LIFETIME).isEqualTo("sandbox.access-token-lifetime");
        assertThat(SandboxSettings.REFRESH_TOKEN_LIFETIME).isEqualTo("sandbox.refresh-token-lifetime");
    }

    @Test
    void rejectsNegativeLifetimes() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SandboxSettings("k", "s", "u", "p",
                Duration.ofSeconds(-1), Duration.ofSeconds(1)));
    }
}
