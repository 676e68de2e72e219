package it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.client.TicketparkTokens;

/**
 * The Arquillian server has neither {@code mpHealth} nor {@code mpTelemetry} (the whole IT suite runs without them):
 * an application with the client deploys and works as before, without the readiness check and without a line in the
 * log about the APIs it does not have. {@code HealthIT} runs the same library on a server with {@code mpHealth}.
 */
@ExtendWith(ArquillianExtension.class)
class OptionalFeaturesIT {

    private static final String NAME = "optional-features-it";

    @Deployment
    static WebArchive deployment() {
        return Deployments.war(NAME, Deployments.sandboxConfig());
    }

    @Inject
    TicketparkTokens tokens;

    @Inject
    BeanManager beans;

    @Test
    void withoutTheOptionalApisTheClientWorksAndBringsNoReadinessCheck() {
        assertThat(catchThrowable(() -> Class.forName("org.eclipse.microprofile.health.HealthCheck")))
                .as("MicroProfile Health on this server").isInstanceOf(ClassNotFoundException.class);
        assertThat(catchThrowable(() -> Class.forName("io.opentelemetry.api.OpenTelemetry")))
                .as("OpenTelemetry on this server").isInstanceOf(ClassNotFoundException.class);

        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.status().ready()).isTrue();
        List<String> beanClasses = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .map(Bean::getBeanClass).map(Class::getName).toList();
        assertThat(beanClasses).as("the library's beans").anyMatch(name -> name.startsWith("ch.ticketpark.client."))
                .noneMatch(name -> name.startsWith("ch.ticketpark.client.internal.health."));
    }

    @Test
    @RunAsClient
    void itsDeploymentLoggedNothingAboutTheMissingApis() throws IOException {
        Path log = Path.of(System.getProperty("liberty.server.dir"), "logs", "messages.log");
        List<String> lines = Files.readAllLines(log);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("CWWKZ0018I: Starting application " + NAME + ".")) {
                start = i;
            }
        }
        assertThat(start).as("the deployment's start in %s", log).isNotNegative();
        List<String> since = lines.subList(start, lines.size());

        assertThat(since).noneMatch(line -> line.contains("WELD-000119") || line.contains("NoClassDefFoundError")
                || line.contains("ClassNotFoundException") || line.contains("CWMOT") || line.contains("CWMMH"))
                .noneMatch(line -> line.matches(".* [WE] TPC\\d{4}: .*"));
    }
}
