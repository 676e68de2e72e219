package it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application that aims a Ticketpark client interface at another origin than {@code ticketpark/mp-rest/url} (its
 * own interface, or one of the library's) does not start, and the log names the keys, not their values.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClientUrlIT {

    private static final String DEPLOYMENT = "client-url-it";
    private static final String OWN_KEY = OwnTicketparkClient.class.getName() + "/mp-rest/url";
    private static final String LIBRARY_KEY = "ch.ticketpark.client.api.EventsClient/mp-rest/uri";
    /** Personal data in the configured URL's query: no message may quote it. */
    private static final String EMAIL = "client-url-it@example.com";

    @Deployment(name = DEPLOYMENT, managed = false)
    static WebArchive deployment() {
        Map<String, String> config = Deployments.sandboxConfig();
        config.put(OWN_KEY, "https://elsewhere.example/events/?filters[email]=" + EMAIL);
        config.put(LIBRARY_KEY, "http://localhost:1/sandbox");
        return Deployments.war(DEPLOYMENT, config, EventReader.class, OwnTicketparkClient.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void deploymentFailsNamingEveryKeyThatAimsAClientElsewhere() throws IOException {
        try {
            assertThatThrownBy(() -> deployer.deploy(DEPLOYMENT))
                    .hasMessageContaining("TPC0001")
                    .hasMessageContaining(OWN_KEY + " points to https://elsewhere.example:443")
                    .hasMessageContaining(LIBRARY_KEY + " points to http://localhost:1,")
                    .hasMessageNotContaining(EMAIL);
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }

        Path logs = Path.of(System.getProperty("liberty.server.dir"), "logs");
        String messages = Files.readString(logs.resolve("messages.log"));
        assertThat(messages).contains("TPC0001").contains(OWN_KEY + " points to https://elsewhere.example:443")
                .contains(LIBRARY_KEY);
        // the configured value's query (personal data in a filter) is in no log, FFDC and trace included
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(linesContaining(file, EMAIL)).as(file.toString()).isZero();
            }
        }
    }

    /** Line by line: the suite's trace grows past what one string can hold (2 GB) on a fast machine. */
    private static long linesContaining(Path file, String text) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }
}
