package it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.api.EventsClient;
import ch.ticketpark.client.api.ShowsClient;
import ch.ticketpark.client.model.Event;
import ch.ticketpark.sandbox.client.RecordedRequest;
import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.SandboxStats;

/** An EJB injects the Ticketpark client and lists events from the sandbox; another client gets no token. */
@ExtendWith(ArquillianExtension.class)
class EventsIT {

    @Deployment
    static WebArchive deployment() {
        Map<String, String> config = Deployments.sandboxConfig();
        config.put("other/mp-rest/url", Sandbox.url());
        return Deployments.war("events-it", config, EventReader.class, OtherApiClient.class,
                OwnTicketparkClient.class);
    }

    @Inject
    EventReader reader;

    @Inject
    @RestClient
    OtherApiClient other;

    @Inject
    @RestClient
    OwnTicketparkClient own;

    @Inject
    TicketparkTokens tokens;

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    private SandboxStats before;

    /**
     * Every test starts from the same state, whatever ran before it: the sandbox's seed data and counters, and a client
     * without an access token (the reset made the one it held unknown to the sandbox). The refresh token the client
     * keeps is unknown too: its first token request falls back to the password grant.
     */
    @BeforeEach
    void freshSandboxAndClient() {
        sandbox.reset();
        tokens.invalidate();
        before = sandbox.stats();
    }

    private long increase(String counter) {
        return sandbox.stats().counter(counter) - before.counter(counter);
    }

    /** The last API request the sandbox recorded. */
    private RecordedRequest lastRequest() {
        return sandbox.requests("api", 1).get(0);
    }

    @Test
    void ejbListsEventsWithBearerAndJsonHeaders() {
        List<Event> events = reader.events();

        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event.pid()).isNotBlank();
            assertThat(event.name()).isNotBlank();
        });
        RecordedRequest request = lastRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/events/");
        assertThat(request.bearer()).isEqualTo("valid");
        assertThat(request.header("authorization")).isEqualTo("Bearer ****");
        assertThat(request.header("accept")).isEqualTo("application/json");
        assertThat(request.header("content-type")).isEqualTo("application/json");
        assertThat(increase("apiUnauthorized")).isZero();
    }

    @Inject
    BeanManager beans;

    @Test
    void ticketparkClientsAreApplicationScopedWithoutScopeAnnotations() {
        for (Class<?> client : List.of(EventsClient.class, ShowsClient.class, OwnTicketparkClient.class)) {
            assertThat(beans.getBeans(client, RestClient.LITERAL)).singleElement()
                    .satisfies(bean -> assertThat(bean.getScope()).isEqualTo(ApplicationScoped.class));
        }
        assertThat(beans.getBeans(OtherApiClient.class, RestClient.LITERAL)).singleElement()
                .satisfies(bean -> assertThat(bean.getScope()).isEqualTo(Dependent.class));
    }

    @Test
    void applicationsOwnTicketparkInterfaceGetsTheTokenWithoutRegisterProvider() {
        assertThat(own.list()).startsWith("[");

        RecordedRequest request = lastRequest();
        assertThat(request.bearer()).isEqualTo("valid");
        assertThat(request.header("accept")).isEqualTo("application/json");
    }

    @Test
    void invalidatedTokenIsReplacedThroughTheRefreshGrant() {
        // this test's own first token (a password grant): the counters below count from here
        String first = tokens.accessToken();
        before = sandbox.stats();
        tokens.invalidate();

        assertThat(reader.events()).isNotEmpty();

        assertThat(tokens.accessToken()).isNotEqualTo(first);
        assertThat(increase("refreshGrants")).isEqualTo(1);
        assertThat(increase("passwordGrants")).isZero();
        assertThat(increase("tokenErrors")).isZero();
    }

    @Test
    void clientWithAnotherConfigKeySendsNoAuthorization() {
        assertThatThrownBy(other::list).isInstanceOf(WebApplicationException.class);

        RecordedRequest request = lastRequest();
        assertThat(request.bearer()).isEqualTo("missing");
        assertThat(request.header("authorization")).isNull();
        assertThat(increase("apiUnauthorized")).isEqualTo(1);
    }
}
