package ch.ticketpark.client.internal.config;

import static ch.ticketpark.client.support.Fixtures.CLIENT_SECRET;
import static ch.ticketpark.client.support.Fixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.support.MapConfig;
import ch.ticketpark.client.support.Secrets;

class TicketparkExtensionTest {

    private static final String API_URL = "https://api.ticketpark.ch";

    @Test
    void extensionForgetsTheSecretsOnceTheManagerHasThem() throws Exception {
        TicketparkExtension extension = new TicketparkExtension();
        Field config = TicketparkExtension.class.getDeclaredField("config");
        config.setAccessible(true);
        config.set(extension, MapConfig.load(API_URL, Map.of(TicketparkConfig.REFRESH_TOKEN, "seed-refresh")));

        extension.forgetSecrets();

        assertThat(extension.config().clientSecret()).isNull();
        assertThat(extension.config().password()).isEmpty();
        assertThat(extension.config().refreshToken()).isEmpty();
        assertThat(extension.config().apiUrl()).isEqualTo(URI.create(API_URL));
        assertThat(Secrets.held(extension)).doesNotContain(CLIENT_SECRET, PASSWORD, "seed-refresh");
    }

    @Test
    void withoutAValidatedConfigurationThereIsNothingToForget() {
        TicketparkExtension extension = new TicketparkExtension();

        extension.forgetSecrets();

        assertThat(extension.config()).isNull();
    }
}
