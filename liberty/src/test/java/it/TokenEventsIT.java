package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.status.GrantType;
import ch.ticketpark.client.status.TokenObtained;
import ch.ticketpark.client.status.TokenRequestFailed;
import ch.ticketpark.client.status.TokenStatus;
import ch.ticketpark.sandbox.client.Faults;
import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.SandboxStats;

/**
 * An application's CDI observers receive one {@link TokenObtained} per grant the sandbox counted, with its grant type,
 * synchronously (on a thread of the library's, not the caller's) and asynchronously, and one
 * {@link TokenRequestFailed} per failed token request, with its code; {@link TicketparkTokens#status()} counts the
 * same.
 */
@ExtendWith(ArquillianExtension.class)
class TokenEventsIT {

    private static final int REFRESHES = 3;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("token-events-it", Deployments.sandboxConfig(), TokenEventCollector.class,
                Awaits.class);
    }

    @Inject
    TicketparkTokens tokens;

    @Inject
    TokenEventCollector events;

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @BeforeEach
    void fresh() {
        sandbox.reset();
        tokens.invalidate(); // the refresh token the reset revoked may stay: then a failed refresh comes first
        events.clear();
    }

    @AfterEach
    void resetSandbox() {
        sandbox.reset();
    }

    @Test
    void oneEventPerGrantAndPerFailedRequestToSynchronousAndAsynchronousObservers() throws InterruptedException {
        TokenStatus before = tokens.status();
        tokens.accessToken();
        for (int i = 0; i < REFRESHES; i++) {
            tokens.invalidate(); // forgotten: the next call refreshes
            tokens.accessToken();
        }
        sandbox.arm(Faults.token().status(500).times(1));
        tokens.invalidate();
        tokens.accessToken(); // the refresh fails once and is retried

        SandboxStats stats = sandbox.stats();
        // a fault is answered before the token endpoint counts the request
        int requests = Math.toIntExact(stats.tokenRequests() + stats.tokenFaults());
        try {
            Awaits.until("an event per token request", () -> events.sync().size() >= requests
                    && events.async().size() >= requests);
        } finally {
            System.out.printf("Token events: %d token requests (%s); synchronous %s; asynchronous %s%n", requests,
                    stats, events.sync(), events.async());
        }
        assertThat(events.sync()).hasSize(requests);
        List<TokenObtained> obtained = of(TokenObtained.class);
        assertThat(obtained).filteredOn(event -> event.grantType() == GrantType.PASSWORD)
                .hasSize(Math.toIntExact(stats.passwordGrantsSucceeded())).hasSize(1);
        assertThat(obtained).filteredOn(event -> event.grantType() == GrantType.REFRESH_TOKEN)
                .hasSize(Math.toIntExact(stats.refreshGrantsSucceeded())).hasSize(REFRESHES + 1);
        List<TokenRequestFailed> failed = of(TokenRequestFailed.class);
        assertThat(failed).hasSize(requests - obtained.size());
        assertThat(failed).filteredOn(event -> event.code().equals("TPC0005")).singleElement()
                .satisfies(event -> assertThat(event.status()).isEqualTo(500));
        assertThat(events.async()).containsExactlyInAnyOrderElementsOf(events.sync());
        assertThat(events.syncThreads()).doesNotContain(Thread.currentThread().getName());

        TokenStatus after = tokens.status();
        assertThat(after.state()).isEqualTo(TokenStatus.State.VALID);
        assertThat(after.refreshGrants() - before.refreshGrants()).isEqualTo(REFRESHES + 1);
        assertThat(after.failedRequests() - before.failedRequests()).isEqualTo(failed.size());
        assertThat(after.lastObtained()).contains(obtained.get(obtained.size() - 1));
    }

    private <T> List<T> of(Class<T> type) {
        return events.sync().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
