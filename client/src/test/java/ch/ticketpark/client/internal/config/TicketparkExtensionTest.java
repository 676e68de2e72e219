package ch.ticketpark.client.internal.config;

import static ch.ticketpark.client.support.Fixtures.CLIENT_SECRET;
import static ch.ticketpark.client.support.Fixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.Test;

import ch.ticketpark.client.api.EventsClient;
import ch.ticketpark.client.exception.TicketparkConfigurationException;
import ch.ticketpark.client.support.ApplicationConfig;
import ch.ticketpark.client.support.MapConfig;
import ch.ticketpark.client.support.Secrets;
import ch.ticketpark.client.support.Stubs;

class TicketparkExtensionTest {

    private static final String API_URL = "https://api.ticketpark.ch";
    private static final String EVENTS_URL = EventsClient.class.getName() + "/mp-rest/url";
    private static final String OTHER_URL = OtherClient.class.getName() + "/mp-rest/url";

    private final TicketparkExtension extension = new TicketparkExtension();
    private final List<Throwable> deploymentProblems = new ArrayList<>();

    @Test
    void theValidatedConfigurationIsKeptForTheTokenManager() {
        deploy(MapConfig.valid(API_URL));

        assertThat(deploymentProblems).isEmpty();
        assertThat(extension.config().apiUrl()).isEqualTo(URI.create(API_URL));
        assertThat(extension.config().clientSecret()).isEqualTo(CLIENT_SECRET);
    }

    @Test
    void anInvalidConfigurationAndAClientAimedElsewhereEachFailTheDeployment() {
        Map<String, String> properties = MapConfig.valid(API_URL);
        properties.remove(TicketparkConfig.CLIENT_KEY);
        properties.put(EVENTS_URL, "https://evil.example/");
        extension.findClients(discovered(EventsClient.class));

        deploy(properties);

        assertThat(deploymentProblems).hasSize(2).allSatisfy(
                problem -> assertThat(problem).isInstanceOf(TicketparkConfigurationException.class));
        assertThat(((TicketparkConfigurationException) deploymentProblems.get(0)).keys())
                .containsExactly(TicketparkConfig.CLIENT_KEY);
        assertThat(((TicketparkConfigurationException) deploymentProblems.get(1)).keys()).containsExactly(EVENTS_URL);
        assertThat(extension.config()).isNull();
    }

    @Test
    void theUrlsOfOtherRestClientsAreNotTicketparksConcern() {
        Map<String, String> properties = MapConfig.valid(API_URL);
        properties.put(OTHER_URL, "http://partner.example/");
        extension.findClients(discovered(OtherClient.class));
        extension.findClients(discovered(Runnable.class));

        deploy(properties);

        assertThat(deploymentProblems).isEmpty();
    }

    @Test
    void extensionForgetsTheSecretsOnceTheManagerHasThem() throws Exception {
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
        extension.forgetSecrets();

        assertThat(extension.config()).isNull();
    }

    /** A REST client of the application that is not a Ticketpark client. */
    @RegisterRestClient(configKey = "partner")
    interface OtherClient {
    }

    /** The event of a type the container found, as the extension observes it. */
    private static ProcessAnnotatedType<?> discovered(Class<?> type) {
        AnnotatedType<?> annotated = Stubs.of(AnnotatedType.class, Map.of(
                "getAnnotation", args -> type.getAnnotation(((Class<?>) args[0]).asSubclass(Annotation.class)),
                "getJavaClass", args -> type));
        return Stubs.of(ProcessAnnotatedType.class, Map.of("getAnnotatedType", args -> annotated));
    }

    /** Validates the configuration as the container does when the application with these properties deploys. */
    private void deploy(Map<String, String> properties) {
        AfterDeploymentValidation event = Stubs.of(AfterDeploymentValidation.class,
                Map.of("addDeploymentProblem", args -> {
                    deploymentProblems.add((Throwable) args[0]);
                    return null;
                }));
        try (ApplicationConfig application = ApplicationConfig.of(properties)) {
            extension.validate(event);
        }
    }
}
