package it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.model.Venue;
import ch.ticketpark.sandbox.client.Faults;
import ch.ticketpark.sandbox.client.SandboxControl;
import it.Sandbox;

/**
 * The API answers a call of an enterprise bean with a redirect to another origin: the library's typed client and an
 * application's own interface with config key {@code ticketpark} do not follow it, so the access token never reaches
 * the {@code Location}. The location is the sandbox itself under another origin ({@code 127.0.0.1} instead of
 * {@code localhost}), whose request log would show any request that arrived there, with or without a token.
 */
@ExtendWith(ArquillianExtension.class)
class RedirectIT {

    @Deployment
    static WebArchive deployment() {
        return ApiDeployments.war("redirect-it");
    }

    @Inject
    Api api;

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @BeforeEach
    void seedData() {
        api.resetSandbox();
    }

    @Test
    void aMethodReturningTheResponseGetsTheRedirectItself() {
        String elsewhere = redirectTo(307, "head");

        String seen = api.call(c -> {
            try (Response response = c.events().httpHead(null)) {
                return response.getStatus() + " " + response.getHeaderString(HttpHeaders.LOCATION);
            }
        });

        assertNothingWentTo("head");
        assertThat(seen).isEqualTo("307 " + elsewhere);
    }

    @Test
    void aTypedMethodFailsWithTheRedirect() {
        String elsewhere = redirectTo(302, "list");

        String seen = api.call(c -> outcome(() -> c.events().list()));

        assertNothingWentTo("list");
        assertThat(seen).isEqualTo("jakarta.ws.rs.RedirectionException 302 " + elsewhere);
    }

    @Test
    void anApplicationsOwnInterfaceDoesNotFollowEither() {
        String elsewhere = redirectTo(301, "own");

        String seen = api.call(c -> outcome(() -> c.own().events(Query.create())));

        assertNothingWentTo("own");
        assertThat(seen).isEqualTo("jakarta.ws.rs.RedirectionException 301 " + elsewhere);
    }

    /** A creation answered with a redirect is no creation: its Location is never read as the new record's pid. */
    @Test
    void aCreationAnsweredWithARedirectFailsWithTheRedirect() {
        String elsewhere = redirectTo(303, "create");

        String seen = api
                .call(c -> outcome(() -> c.venues().create(Venue.of(Seed.DEMO_HOST, "Redirect Hall", "Basel"))));

        assertNothingWentTo("create");
        assertThat(seen).isEqualTo("jakarta.ws.rs.RedirectionException 303 " + elsewhere);
    }

    /** The location's request log sees a request that does arrive there: the tests above cannot pass blind. */
    @Test
    void aRequestThatArrivesAtTheLocationIsSeen() throws Exception {
        String elsewhere = location("probe");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(elsewhere))
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(arrivedAt("probe")).containsExactly(
                "GET /venues/?redirected=probe authorization=[Bearer ****] bearer=invalid");
    }

    /** Arms one redirect of the next API request to the sandbox's venues under another origin, marked in its query. */
    private String redirectTo(int status, String marker) {
        String elsewhere = location(marker);
        sandbox.arm(Faults.api().redirect(status, elsewhere));
        return elsewhere;
    }

    /** The sandbox's venues under another origin than the client's API URL, marked in the query. */
    private static String location(String marker) {
        String elsewhere = Sandbox.url().replace("//localhost:", "//127.0.0.1:") + "/venues/?redirected=" + marker;
        assertThat(elsewhere).contains("//127.0.0.1:");
        return elsewhere;
    }

    /** The redirect was answered, and not one request, with a token or without, arrived at its location. */
    private void assertNothingWentTo(String marker) {
        assertThat(sandbox.faultsInjected().get("api")).as("redirects answered").isEqualTo(1);
        assertThat(arrivedAt(marker)).as("requests that arrived at the redirect's location").isEmpty();
    }

    /** The requests the sandbox recorded at the location marked so: method, path, query, Authorization, its check. */
    private List<String> arrivedAt(String marker) {
        return sandbox.requests("api", 1000).stream()
                .filter(request -> request.query().contains("redirected=" + marker))
                .map(request -> request.method() + " " + request.path() + "?" + request.query() + " authorization="
                        + request.headers().get("authorization") + " bearer=" + request.bearer())
                .toList();
    }

    /** What the bean saw: the exception with the status and {@code Location} of its response, or none. */
    private static String outcome(Runnable call) {
        try {
            call.run();
            return "no exception";
        } catch (WebApplicationException e) {
            return e.getClass().getName() + " " + e.getResponse().getStatus() + " "
                    + e.getResponse().getHeaderString(HttpHeaders.LOCATION);
        } catch (RuntimeException e) {
            return e.toString();
        }
    }
}
