package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import ch.ticketpark.client.internal.store.FileTokenStore;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.sandbox.client.RecordedRequest;
import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.SandboxStats;
import it.servers.LibertyServer;

/**
 * The {@code file} token store across a restart: the example application, as built, on a server of the test's own
 * ({@link LibertyServer}) with its tokens in a directory of the test. Its first call costs the one password grant;
 * stopped and started again on the same directory, with the stored access token expired meanwhile, its next call is
 * a refresh grant with the stored refresh token: with the password still configured, with none, and after a
 * {@code kill -9} instead of a stop. The sandbox, on the Arquillian server, outlives the restarts and counts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestartIT {

    /** Seconds an access token lives: the first run's has expired when the restarted server calls. */
    private static final int ACCESS_TOKEN_SECONDS = 2;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.placeholder("restart-it");
    }

    @TempDir
    Path tokens;

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @BeforeEach
    void shortLivedTokens() {
        sandbox.reset();
        sandbox.lifetimes(Duration.ofSeconds(ACCESS_TOKEN_SECONDS), null);
    }

    @AfterEach
    void resetSandbox() {
        sandbox.reset();
    }

    @Test
    void restartedWithThePasswordTheServerRefreshesWithTheStoredToken() throws Exception {
        try (LibertyServer server = LibertyServer.create("restart-password")) {
            StoredTokens first = firstRun(server, false);

            server.start();
            callAfterRestart(server, first, "password kept");
        }
    }

    @Test
    void killedTheServerRestartsFromTheStateStoredBeforeTheCrash() throws Exception {
        try (LibertyServer server = LibertyServer.create("restart-killed")) {
            StoredTokens first = firstRun(server, true);

            server.start();
            callAfterRestart(server, first, "after kill -9");
        }
    }

    @Test
    void restartedWithoutAPasswordTheServerRunsOnTheStoredToken() throws Exception {
        try (LibertyServer server = LibertyServer.create("restart-no-password")) {
            StoredTokens first = firstRun(server, false);

            server.configure(config(false));
            server.start();
            callAfterRestart(server, first, "password removed");

            // the server has no password indeed: once the chain ends, it sends none and says so (TPC0003)
            sandbox.reset();
            HttpResponse<String> ended = server.get("/api/events");
            long passwordGrants = sandbox.stats().passwordGrants();
            System.out.printf("Restart (password removed), chain ended by a sandbox reset: HTTP %d, password grants"
                    + " %d%n", ended.statusCode(), passwordGrants);
            // the example answers 502 for the client's exceptions, also when the REST client wrapped one
            assertThat(ended.statusCode()).as("the call once the sandbox forgot every token").isEqualTo(502);
            assertThat(ended.body()).as("what the page shows").contains("TPC0003");
            assertThat(passwordGrants).as("password grants once the sandbox forgot every token").isZero();
            server.awaitMessage("TPC0003: .*no password is configured");
        }
    }

    /**
     * Starts the server with the password, calls once (the password grant), checks the stored state, stops the server
     * (or kills it: {@code kill -9}) and waits until the stored access token has expired.
     */
    private StoredTokens firstRun(LibertyServer server, boolean kill) throws Exception {
        server.configure(config(true));
        server.start();
        System.out.printf("%s started in %d ms%n", server.name(), server.lastStart().toMillis());

        HttpResponse<String> events = server.get("/api/events");
        assertThat(events.statusCode()).as("the first call: %s", events.body()).isEqualTo(200);
        SandboxStats stats = sandbox.stats();
        assertThat(List.of(stats.passwordGrants(), stats.refreshGrants()))
                .as("password grants, refresh grants after the first call").containsExactly(1L, 0L);
        StoredTokens stored = store().load()
                .orElseThrow(() -> new AssertionError("nothing stored in " + store().path()));
        assertThat(stored.hasAccessToken()).as("the access token of the password grant stored").isTrue();
        assertThat(stored.version()).as("version of the stored state after the password grant").isEqualTo(1);

        if (kill) {
            long pid = server.pid();
            server.kill();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("the server's JVM (pid %d) after kill -9",
                    pid).isNotEqualTo(Optional.of(true));
        } else {
            server.stop();
        }
        Awaits.until("the stored access token expired", () -> Instant.now().isAfter(stored.expiresAt()));
        return stored;
    }

    /** The call of the restarted server: a refresh grant with the stored refresh token, no password grant. */
    private void callAfterRestart(LibertyServer server, StoredTokens first, String what) throws Exception {
        System.out.printf("%s started again in %d ms (%s)%n", server.name(), server.lastStart().toMillis(), what);

        HttpResponse<String> events = server.get("/api/events");

        SandboxStats stats = sandbox.stats();
        List<String> grants = sandbox.requests("token", 100).stream().map(RecordedRequest::grantType).toList();
        StoredTokens second = store().load().orElseThrow(() -> new AssertionError("the store lost its state"));
        System.out.printf("Restart (%s): HTTP %d; password grants %d, refresh grants %d (succeeded %d), refresh "
                + "token reuses %d, token errors %d, API 401 %d; token requests %s; stored version %d -> %d%n", what,
                events.statusCode(), stats.passwordGrants(), stats.refreshGrants(), stats.refreshGrantsSucceeded(),
                stats.refreshTokenReuses(), stats.tokenErrors(), stats.apiUnauthorized(), grants, first.version(),
                second.version());
        assertThat(events.statusCode()).as("the call after the restart: %s", events.body()).isEqualTo(200);
        assertThat(stats.passwordGrants()).as("password grants in all: the first run's").isEqualTo(1);
        assertThat(stats.refreshGrantsSucceeded()).as("refresh grants that succeeded").isEqualTo(1);
        assertThat(stats.refreshGrants()).as("refresh grants").isEqualTo(1);
        assertThat(stats.refreshTokenReuses()).as("refresh tokens sent again").isZero();
        assertThat(stats.tokenErrors()).as("token errors").isZero();
        assertThat(stats.apiUnauthorized()).as("API 401: the expired access token is not sent").isZero();
        assertThat(grants).as("token requests, oldest first").containsExactly("password", "refresh_token");
        assertThat(second.version()).as("version of the stored state after the refresh").isEqualTo(2);
        // compared, never shown: a failure message must not carry a token into the failsafe report
        assertThat(second.refreshToken().equals(first.refreshToken())).as("the stored refresh token is the same")
                .isFalse();
    }

    private Map<String, String> config(boolean password) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("ticketpark/mp-rest/url", Sandbox.url());
        config.put("ticketpark.token-store", "file");
        config.put("ticketpark.token-store.directory", tokens.toString());
        if (!password) {
            // above the WAR's own value: unset
            config.put("ticketpark.password", "");
        }
        return config;
    }

    private FileTokenStore store() {
        return new FileTokenStore(tokens, Sandbox.CLIENT_KEY, Sandbox.USERNAME);
    }
}
