package it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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

    private JsonObject before;

    /**
     * Every test starts from the same state, whatever ran before it: the sandbox's seed data and counters, and a client
     * without an access token (the reset made the one it held unknown to the sandbox). The refresh token the client
     * keeps is unknown too: its first token request falls back to the password grant.
     */
    @BeforeEach
    void freshSandboxAndClient() {
        Sandbox.reset();
        tokens.invalidate();
        before = Sandbox.stats();
    }

    private int increase(String counter) {
        return Sandbox.stats().getInt(counter) - before.getInt(counter);
    }

    @Test
    void ejbListsEventsWithBearerAndJsonHeaders() {
        List<Event> events = reader.events();

        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event.pid()).isNotBlank();
            assertThat(event.name()).isNotBlank();
        });
        JsonObject request = Sandbox.lastRequest();
        assertThat(request.getString("method")).isEqualTo("GET");
        assertThat(request.getString("path")).isEqualTo("/events/");
        assertThat(request.getString("bearer")).isEqualTo("valid");
        assertThat(Sandbox.lastRequestHeader("authorization")).contains("Bearer ****");
        assertThat(Sandbox.lastRequestHeader("accept")).contains("application/json");
        assertThat(Sandbox.lastRequestHeader("content-type")).contains("application/json");
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

        assertThat(Sandbox.lastRequest().getString("bearer")).isEqualTo("valid");
        assertThat(Sandbox.lastRequestHeader("accept")).contains("application/json");
    }

    @Test
    void invalidatedTokenIsReplacedThroughTheRefreshGrant() {
        // this test's own first token (a password grant): the counters below count from here
        String first = tokens.accessToken();
        before = Sandbox.stats();
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

        assertThat(Sandbox.lastRequest().getString("bearer")).isEqualTo("missing");
        assertThat(Sandbox.lastRequestHeader("authorization")).isEmpty();
        assertThat(increase("apiUnauthorized")).isEqualTo(1);
    }
}
