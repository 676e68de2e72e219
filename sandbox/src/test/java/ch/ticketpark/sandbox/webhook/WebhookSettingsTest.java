package ch.ticketpark.sandbox.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;

import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

    @Test
    void noUrlSendsNothingAndAConfiguredOneIsTaken() {
        assertThat(WebhookSettings.of(null).callbackUrl()).isNull();
        assertThat(WebhookSettings.of(" ").callbackUrl()).isNull();
        assertThat(WebhookSettings.of("off").callbackUrl()).isNull();
        assertThat(WebhookSettings.of(" OFF ").callbackUrl()).isNull();
        assertThat(WebhookSettings.of(" http://localhost:9080/app/webhook/s3cr3t ").callbackUrl())
                .isEqualTo(URI.create("http://localhost:9080/app/webhook/s3cr3t"));
        assertThat(WebhookSettings.WEBHOOK_URL).isEqualTo("sandbox.webhook-url");
    }

    @Test
    void aWrongUrlIsRefusedNamingTheKeyNotTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSettings.of("localhost/app/webhook/s3cr3t"))
                .withMessage("sandbox.webhook-url must be an absolute http(s) URL");
    }
}
