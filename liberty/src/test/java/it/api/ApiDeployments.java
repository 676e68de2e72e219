package it.api;

import java.io.File;
import java.net.URISyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import it.Sandbox;

/**
 * The deployments of the typed API tests: the packaged client library, the enterprise beans of this package, the
 * test's own classes and a configuration that points the client at the sandbox with its demo credentials. (Like
 * {@code it.Deployments}, which is not visible from this package.)
 */
final class ApiDeployments {

    private ApiDeployments() {
    }

    static WebArchive war(String name, Class<?>... classes) {
        String properties = Stream.of(
                "ticketpark/mp-rest/url=" + Sandbox.url(),
                "ticketpark.client-key=" + Sandbox.CLIENT_KEY,
                "ticketpark.client-secret=" + Sandbox.CLIENT_SECRET,
                "ticketpark.username=" + Sandbox.USERNAME,
                "ticketpark.password=" + Sandbox.PASSWORD)
                .collect(Collectors.joining("\n"));
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addClasses(Api.class, OwnEventsClient.class, Seed.class, ApiDeployments.class, Sandbox.class)
                .addAsLibraries(library(new File(System.getProperty("ticketpark.client.jar"))),
                        library(jarOf(Assertions.class)))
                .addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties");
    }

    private static JavaArchive library(File jar) {
        if (!jar.isFile()) {
            throw new IllegalStateException("Build the client first: " + jar + " is missing");
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, jar);
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
