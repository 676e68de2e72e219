package ch.ticketpark.client.internal.config;

import static ch.ticketpark.client.support.Fixtures.WEBHOOK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ch.ticketpark.client.exception.TicketparkConfigurationException;
import ch.ticketpark.client.support.MapConfig;
import ch.ticketpark.client.support.Secrets;

/** The keys {@code ticketpark.webhook.*}. */
class WebhookConfigTest {

    private static final String API = "https://api.ticketpark.ch";

    @Test
    void defaults() {
        TicketparkConfig config = MapConfig.load(API, Map.of());

        assertThat(config.webhookEnabled()).isFalse();
        assertThat(config.webhookPath()).isEqualTo("/ticketpark/webhook");
        assertThat(config.webhookReadBack()).isTrue();
        assertThat(config.webhookQueueSize()).isEqualTo(1000);
        assertThat(config.webhookWorkers()).isEqualTo(2);
        assertThat(config.webhookDedupWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.webhookSecret()).isEmpty();
        assertThat(config.webhookSecretDigest()).isEmpty();
    }

    @Test
    void enabledWithASecretIsRead() {
        TicketparkConfig config = MapConfig.load(API,
                Map.of(TicketparkConfig.WEBHOOK_ENABLED, "true", TicketparkConfig.WEBHOOK_SECRET, WEBHOOK_SECRET,
                        TicketparkConfig.WEBHOOK_PATH, "/hooks/ticket-park_1.0", TicketparkConfig.WEBHOOK_READ_BACK,
                        "false", TicketparkConfig.WEBHOOK_QUEUE_SIZE, "7", TicketparkConfig.WEBHOOK_WORKERS, "3",
                        TicketparkConfig.WEBHOOK_DEDUP_WINDOW, "PT1M"));

        assertThat(config.webhookEnabled()).isTrue();
        assertThat(config.webhookSecret()).contains(WEBHOOK_SECRET);
        assertThat(config.webhookSecretDigest()).hasValueSatisfying(
                digest -> assertThat(digest).isEqualTo(TicketparkConfig.sha256(WEBHOOK_SECRET)));
        assertThat(config.webhookPath()).isEqualTo("/hooks/ticket-park_1.0");
        assertThat(config.webhookReadBack()).isFalse();
        assertThat(config.webhookQueueSize()).isEqualTo(7);
        assertThat(config.webhookWorkers()).isEqualTo(3);
        assertThat(config.webhookDedupWindow()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void enabledWithoutSecretIsRefusedNamingTheSecret() {
        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> MapConfig.load(API, Map.of(TicketparkConfig.WEBHOOK_ENABLED, "true")));

        assertThat(e.keys()).containsExactly("ticketpark.webhook.secret");
        assertThat(e.getMessage())
                .contains("ticketpark.webhook.secret is required with ticketpark.webhook.enabled=true");
    }

    @Test
    void disabledNeedsNoSecret() {
        assertThat(MapConfig.load(API, Map.of(TicketparkConfig.WEBHOOK_ENABLED, "false")).webhookEnabled()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Short-secret-15", "hook secret of the app", "hook/secret/of/the/app",
            "hook-s\u00e9cret-of-the-app", "hook%2Fsecret-of-the-app", "hook-secret+of-the-app"})
    void aSecretTooShortOrWithOtherCharactersIsRefusedWithoutShowingIt(String secret) {
        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> MapConfig.load(API,
                        Map.of(TicketparkConfig.WEBHOOK_ENABLED, "true", TicketparkConfig.WEBHOOK_SECRET, secret)));

        // named once: invalid, not also "required" for the invalid value being dropped
        assertThat(e.keys()).containsExactly("ticketpark.webhook.secret");
        assertThat(e.getMessage()).doesNotContain("is required")
                .containsAnyOf("ticketpark.webhook.secret must have at least 16 characters",
                        "ticketpark.webhook.secret may contain only letters, digits")
                .doesNotContain(secret)
                .doesNotContain(secret.substring(0, 8));
    }

    @Test
    void anInvalidSecretIsRefusedEvenWhenDisabled() {
        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> MapConfig.load(API, Map.of(TicketparkConfig.WEBHOOK_SECRET, "tiny5")));

        assertThat(e.keys()).containsExactly("ticketpark.webhook.secret");
        assertThat(e.getMessage()).contains("must have at least 16 characters, but has 5").doesNotContain("tiny5");
    }

    @Test
    void aSecretOfSixteenUnreservedCharactersIsEnough() {
        String secret = "aZ09-._~aZ09-._~";
        assertThat(MapConfig.load(API, Map.of(TicketparkConfig.WEBHOOK_SECRET, secret)).webhookSecret())
                .contains(secret);
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo", "/a/", "/a/../b", "/", "/a/.", "/..", "/a b", "/a//b", "/a/%2e"})
    void anInvalidPathIsRefused(String path) {
        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> MapConfig.load(API, Map.of(TicketparkConfig.WEBHOOK_PATH, path)));

        assertThat(e.keys()).containsExactly("ticketpark.webhook.path");
        assertThat(e.getMessage()).contains("ticketpark.webhook.path must be a path such as /ticketpark/webhook");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a", "/a.b/c", "/.well-known-ish/x", "/a/..b", "/a/b.."})
    void aValidPathIsKept(String path) {
        assertThat(MapConfig.load(API, Map.of(TicketparkConfig.WEBHOOK_PATH, path)).webhookPath()).isEqualTo(path);
    }

    @Test
    void invalidLimitsAreNamed() {
        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> MapConfig.load(API, Map.of(TicketparkConfig.WEBHOOK_QUEUE_SIZE, "0",
                        TicketparkConfig.WEBHOOK_WORKERS, "65", TicketparkConfig.WEBHOOK_DEDUP_WINDOW, "P2D")));

        assertThat(e.keys()).containsExactlyInAnyOrder("ticketpark.webhook.queue-size", "ticketpark.webhook.workers",
                "ticketpark.webhook.dedup-window");
    }

    @Test
    void theQueueHoldsAtMostTenThousand() {
        assertThat(MapConfig.load(API, Map.of(TicketparkConfig.WEBHOOK_QUEUE_SIZE, "10000")).webhookQueueSize())
                .isEqualTo(10_000);
        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> MapConfig.load(API, Map.of(TicketparkConfig.WEBHOOK_QUEUE_SIZE, "10001")));

        assertThat(e.keys()).containsExactly("ticketpark.webhook.queue-size");
    }

    @Test
    void toStringMasksTheSecret() {
        TicketparkConfig config = MapConfig.load(API,
                Map.of(TicketparkConfig.WEBHOOK_ENABLED, "true", TicketparkConfig.WEBHOOK_SECRET, WEBHOOK_SECRET));

        assertThat(config.toString()).doesNotContain(WEBHOOK_SECRET).contains("webhookSecret=****",
                "webhookEnabled=true");
    }

    @Test
    void withoutSecretsDropsTheSecretButKeepsItsDigest() throws IllegalAccessException {
        TicketparkConfig config = MapConfig.load(API,
                Map.of(TicketparkConfig.WEBHOOK_ENABLED, "true", TicketparkConfig.WEBHOOK_SECRET, WEBHOOK_SECRET))
                .withoutSecrets();

        assertThat(config.webhookSecret()).isEmpty();
        assertThat(config.webhookSecretDigest()).hasValueSatisfying(
                digest -> assertThat(digest).isEqualTo(TicketparkConfig.sha256(WEBHOOK_SECRET)));
        assertThat(config.webhookEnabled()).isTrue();
        assertThat(Secrets.held(config)).doesNotContain(WEBHOOK_SECRET);
        assertThat(config.toString()).contains("webhookSecret=<none>");
    }

    @Test
    void theDigestIsACopy() {
        TicketparkConfig config = MapConfig.load(API, Map.of(TicketparkConfig.WEBHOOK_SECRET, WEBHOOK_SECRET));

        config.webhookSecretDigest().orElseThrow()[0] ^= 1;

        assertThat(config.webhookSecretDigest().orElseThrow()).isEqualTo(TicketparkConfig.sha256(WEBHOOK_SECRET));
    }
}
