package it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An application whose configuration lacks the client secret does not start, and the log says which key. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MissingConfigIT {

    private static final String DEPLOYMENT = "missing-secret-it";

    @Deployment(name = DEPLOYMENT, managed = false)
    static WebArchive deployment() {
        Map<String, String> config = Deployments.sandboxConfig();
        config.remove("ticketpark.client-secret");
        return Deployments.war(DEPLOYMENT, config, EventReader.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void deploymentFailsNamingTheMissingKey() throws IOException {
        try {
            assertThatThrownBy(() -> deployer.deploy(DEPLOYMENT))
                    .hasMessageContaining("TPC0001")
                    .hasMessageContaining("ticketpark.client-secret is required but not set");
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }

        String log = Files.readString(Path.of(System.getProperty("liberty.server.dir"), "logs", "messages.log"));
        assertThat(log).contains("TPC0001").contains("ticketpark.client-secret is required but not set");
        assertThat(log).doesNotContain(Sandbox.PASSWORD);
    }
}
