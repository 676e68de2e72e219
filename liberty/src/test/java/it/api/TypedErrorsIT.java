package it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.exception.AccessDeniedException;
import ch.ticketpark.client.exception.ApiServerErrorException;
import ch.ticketpark.client.exception.InvalidPayloadException;
import ch.ticketpark.client.exception.RecordNotFoundException;
import ch.ticketpark.client.exception.TicketparkApiException;
import ch.ticketpark.client.model.Event;
import ch.ticketpark.sandbox.client.Faults;
import ch.ticketpark.sandbox.client.SandboxControl;
import it.Sandbox;

/**
 * Each HTTP error of the API reaches the enterprise bean as its typed exception, with the status, the request's
 * method and path and the API's message, and without the access token.
 */
@ExtendWith(ArquillianExtension.class)
class TypedErrorsIT {

    @Deployment
    static WebArchive deployment() {
        return ApiDeployments.war("typed-errors-it");
    }

    @Inject
    Api api;

    @Inject
    TicketparkTokens tokens;

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @BeforeEach
    void seedData() {
        api.resetSandbox();
    }

    @Test
    void updateOfAForeignHostsRecordIsAccessDenied() {
        TicketparkApiException e = api.failure(c -> c.events().update(Seed.FOREIGN_EVENT,
                Event.of(null, "Renamed", null)));

        assertThat(e).isInstanceOf(AccessDeniedException.class);
        assertRequest(e, 403, "PATCH", "/events/" + Seed.FOREIGN_EVENT);
        assertThat(e.getMessage()).contains("belongs to another host");
        Event unchanged = api.call(c -> c.events().get(Seed.FOREIGN_EVENT));
        assertThat(unchanged.name()).isEqualTo(Seed.FOREIGN_EVENT_NAME);
    }

    @Test
    void unknownPidIsRecordNotFound() {
        TicketparkApiException e = api.failure(c -> c.events().get("0000000000000000"));

        assertThat(e).isInstanceOf(RecordNotFoundException.class);
        assertRequest(e, 404, "GET", "/events/0000000000000000");
        assertThat(e.getMessage()).contains("No events record with pid 0000000000000000");
    }

    @Test
    void missingRequiredFieldIsInvalidPayload() {
        long events = api.call(c -> c.events().count());

        TicketparkApiException e = api.failure(c -> c.events().create(Event.of(Seed.DEMO_HOST, null, "CHF")));

        assertThat(e).isInstanceOf(InvalidPayloadException.class);
        assertRequest(e, 409, "POST", "/events/");
        assertThat(e.getMessage()).contains("Field 'name' is required");
        long after = api.call(c -> c.events().count());
        assertThat(after).isEqualTo(events);
    }

    @Test
    void serverErrorIsApiServerErrorAndNotRetried() {
        sandbox.arm(Faults.api().status(500).times(1));

        TicketparkApiException e = api.failure(c -> c.events().list());

        assertThat(e).isInstanceOf(ApiServerErrorException.class);
        assertRequest(e, 500, "GET", "/events/");
        assertThat(e.getMessage()).contains("Injected fault: HTTP 500");
        // one request took the one fault: the next one is answered normally
        List<Event> next = api.call(c -> c.events().list());
        assertThat(next).isNotEmpty();
    }

    /** Status, method, path (with the base URL's own path: the sandbox lives under /sandbox), no token anywhere. */
    private void assertRequest(TicketparkApiException e, int status, String method, String path) {
        String token = tokens.accessToken();
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.method()).isEqualTo(method);
        assertThat(e.path()).isEqualTo(URI.create(Sandbox.url()).getPath() + path);
        assertThat(e.getMessage()).contains(method + " " + e.path()).contains(Integer.toString(status))
                .doesNotContain(token);
        assertThat(e.body()).contains("\"code\"").doesNotContain(token);
        assertThat(e.toString()).doesNotContain(token);
    }
}
