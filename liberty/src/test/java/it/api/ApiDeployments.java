package it.api;

import java.util.Map;

import org.jboss.shrinkwrap.api.spec.WebArchive;

import it.Awaits;
import it.Deployments;

/**
 * The deployments of the typed API tests: those of {@link Deployments} with the enterprise beans of this package.
 */
final class ApiDeployments {

    private ApiDeployments() {
    }

    static WebArchive war(String name, Class<?>... classes) {
        return war(name, Deployments.sandboxConfig(), classes);
    }

    static WebArchive war(String name, Map<String, String> config, Class<?>... classes) {
        return Deployments.war(name, config, classes)
                .addClasses(Api.class, OwnEventsClient.class, Seed.class, ApiDeployments.class, Awaits.class);
    }
}
