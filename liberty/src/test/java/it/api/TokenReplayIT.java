package it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.exception.TicketparkApiException;
import ch.ticketpark.client.exception.TokenReissueDeferredException;
import ch.ticketpark.client.exception.TokenRejectedException;
import ch.ticketpark.client.model.Event;
import ch.ticketpark.client.model.Person;
import ch.ticketpark.sandbox.client.Fault;
import ch.ticketpark.sandbox.client.Faults;
import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.SandboxStats;
import it.Awaits;
import it.Deployments;

/**
 * After the sandbox revokes every access token, the next call from an enterprise bean succeeds through one replay
 * that costs exactly one token request (a refresh grant), for a library's collection client (its typed methods
 * replay) and for an application's own interface with {@code @ReplayWithNewToken} (the library's interceptor
 * replays). A second 401 in a row surfaces as {@link TokenRejectedException}, without a further token request.
 */
@ExtendWith(ArquillianExtension.class)
class TokenReplayIT {

    /**
     * The first API request passes the fault filter untouched (and meets the revocation), the next one is answered 401
     * as if its brand-new token had been revoked too: the sandbox has no other way to reject a token it just issued.
     */
    private static final List<Fault> REJECT_THE_REPLAY = List.of(Faults.api().delay(Duration.ZERO).times(1),
            Faults.api().status(401).times(1));

    @Deployment
    static WebArchive deployment() {
        Map<String, String> config = Deployments.sandboxConfig();
        config.put("ticketpark.token-reissue-interval", "PT1S");
        return ApiDeployments.war("token-replay-it", config);
    }

    @Inject
    Api api;

    @Inject
    TicketparkTokens tokens;

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    private SandboxStats before;

    @BeforeEach
    void validToken() {
        api.resetSandbox();
        tokens.accessToken();
        before = sandbox.stats();
    }

    @Test
    void collectionClientCallSucceedsAfterRevocationWithOneNewToken() {
        String revoked = tokens.accessToken();
        sandbox.revoke();

        List<Event> events = api.call(c -> c.events().list());

        assertThat(events).isNotEmpty();
        assertOneReplayWithOneRefresh(revoked);
    }

    @Test
    void creationIsReplayedOnceAndCreatesOneRecord() {
        String revoked = tokens.accessToken();
        sandbox.revoke();

        String pid = api.call(c -> c.persons().create(Person.of("Rita", "Replay")));

        assertOneReplayWithOneRefresh(revoked);
        List<Person> persons = api.call(c -> c.persons().list(Query.create().filter("lastname", "Replay")));
        assertThat(persons).singleElement().satisfies(person -> assertThat(person.pid()).isEqualTo(pid));
    }

    @Test
    void ownInterfaceWithReplayWithNewTokenSucceedsAfterRevocationWithOneNewToken() {
        String revoked = tokens.accessToken();
        sandbox.revoke();

        JsonArray events = api.call(c -> c.own().events(Query.page(0, 2)));

        assertThat(events).hasSize(2);
        assertOneReplayWithOneRefresh(revoked);
    }

    @Test
    void secondRejectionOfACollectionClientCallSurfacesWithoutFurtherTokenRequest() throws InterruptedException {
        assertSecondRejectionSurfaces(c -> c.events().list(), "/events/");
    }

    @Test
    void secondRejectionOfAnOwnInterfaceCallSurfacesWithoutFurtherTokenRequest() throws InterruptedException {
        assertSecondRejectionSurfaces(c -> c.own().events(null), "/events/");
    }

    private void assertOneReplayWithOneRefresh(String revoked) {
        assertThat(increase("apiUnauthorized")).as("requests rejected").isEqualTo(1);
        assertThat(increase("tokenRequests")).as("token requests").isEqualTo(1);
        assertThat(increase("refreshGrantsSucceeded")).as("refresh grants").isEqualTo(1);
        assertThat(increase("passwordGrants")).as("password grants").isZero();
        assertThat(sandbox.requests("api", 1).get(0).bearer()).isEqualTo("valid");
        assertThat(tokens.accessToken()).isNotEqualTo(revoked);
    }

    private void assertSecondRejectionSurfaces(Consumer<Api> call, String path) throws InterruptedException {
        sandbox.revoke();
        for (Fault fault : REJECT_THE_REPLAY) {
            sandbox.arm(fault);
        }

        TicketparkApiException e = api.failure(call);

        assertThat(e).isInstanceOf(TokenRejectedException.class);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.path()).endsWith(path);
        assertThat(increase("apiUnauthorized")).as("the revoked token, rejected").isEqualTo(1);
        assertThat(increase("apiFaults")).as("the replay, rejected").isEqualTo(2);
        assertThat(increase("tokenRequests")).as("token requests: the replay's only").isEqualTo(1);

        // the new token was rejected too, before it ever worked: no token request before the reissue interval ends
        assertThat(catchThrowable(() -> api.call(c -> c.events().list()))).hasRootCauseInstanceOf(
                TokenReissueDeferredException.class);
        assertThat(increase("tokenRequests")).isEqualTo(1);
        // then the next call obtains another one, and goes through
        Awaits.until("the reissue interval has passed", () -> api.succeeds(c -> c.events().list()));
        assertThat(increase("tokenRequests")).isEqualTo(2);
    }

    private long increase(String counter) {
        return sandbox.stats().counter(counter) - before.counter(counter);
    }
}
