package it.api;

import org.jboss.shrinkwrap.api.spec.WebArchive;

import it.Deployments;

/**
 * The deployments of the typed API tests: those of {@link Deployments} with the enterprise beans of this package.
 */
final class ApiDeployments {

    private ApiDeployments() {
    }

    static WebArchive war(String name, Class<?>... classes) {
        return Deployments.war(name, Deployments.sandboxConfig(), classes)
                .addClasses(Api.class, OwnEventsClient.class, Seed.class, ApiDeployments.class);
    }
}
