package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import it.servers.LoginJar;

/**
 * The one-time login, end to end: the packaged login jar ({@link LoginJar}) performs the password grant against the
 * sandbox and writes the refresh token into a {@code file} store; the example application, as built, on a server of
 * the test's own ({@link LibertyServer}) with that directory and neither a password nor a refresh token configured,
 * takes it from there: its first call is a refresh grant, and the login's password grant stays the only one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.placeholder("login-it");
    }

    @TempDir
    Path tokens;

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
    }

    @AfterEach
    void resetSandboxAfter() {
        sandbox.reset();
    }

    @Test
    void aServerWithoutPasswordStartsFromTheRefreshTokenOfTheLogin() throws Exception {
        LoginJar.Result login = LoginJar.run(List.of("--token-url", Sandbox.url() + "/oauth/v2/token",
                "--client-key", Sandbox.CLIENT_KEY, "--username", Sandbox.USERNAME, "--store", "file", "--directory",
                tokens.toString()), List.of(Sandbox.CLIENT_SECRET, Sandbox.PASSWORD));

        assertThat(login.exitCode()).as("the login's exit code; its stderr: %s", login.err()).isZero();
        assertThat(login.out()).as("the login's report").contains("Stored a new refresh token as version 1");
        StoredTokens stored = store().load()
                .orElseThrow(() -> new AssertionError("the login stored nothing in " + store().path()));
        assertThat(List.of(stored.hasAccessToken(), stored.version())).as("stored an access token, version")
                .containsExactly(false, 1L);
        SandboxStats afterLogin = sandbox.stats();
        assertThat(List.of(afterLogin.passwordGrants(), afterLogin.refreshGrants()))
                .as("password grants, refresh grants after the login").containsExactly(1L, 0L);

        try (LibertyServer server = LibertyServer.create("login")) {
            server.configure(config());
            server.start();

            HttpResponse<String> events = server.get("/api/events");

            SandboxStats stats = sandbox.stats();
            List<String> grants = sandbox.requests("token", 100).stream().map(RecordedRequest::grantType).toList();
            StoredTokens after = store().load().orElseThrow(() -> new AssertionError("the store lost its state"));
            System.out.printf("Login, then %s started in %d ms without a password: HTTP %d; password grants %d, "
                    + "refresh grants %d (succeeded %d), refresh token reuses %d, token errors %d, API 401 %d; "
                    + "token requests %s; stored version %d -> %d%n", server.name(), server.lastStart().toMillis(),
                    events.statusCode(), stats.passwordGrants(), stats.refreshGrants(), stats.refreshGrantsSucceeded(),
                    stats.refreshTokenReuses(), stats.tokenErrors(), stats.apiUnauthorized(), grants,
                    stored.version(), after.version());
            assertThat(events.statusCode()).as("the server's first call: %s", events.body()).isEqualTo(200);
            assertThat(stats.passwordGrants()).as("password grants in all: the login's").isEqualTo(1);
            assertThat(stats.refreshGrantsSucceeded()).as("refresh grants that succeeded").isEqualTo(1);
            assertThat(stats.refreshGrants()).as("refresh grants").isEqualTo(1);
            assertThat(stats.refreshTokenReuses()).as("refresh tokens sent again").isZero();
            assertThat(stats.tokenErrors()).as("token errors").isZero();
            assertThat(grants).as("token requests, oldest first: the login's, then the server's")
                    .containsExactly("password", "refresh_token");
            assertThat(List.of(after.hasAccessToken(), after.version()))
                    .as("stored an access token, version after the server's refresh").containsExactly(true, 2L);
            // compared, never shown: a failure message must not carry a token into the failsafe report
            assertThat(after.refreshToken().equals(stored.refreshToken())).as("the stored refresh token is the login's")
                    .isFalse();
        }
    }

    /** The sandbox, the login's directory; no password, no refresh token (the WAR sets the password: unset here). */
    private Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("ticketpark/mp-rest/url", Sandbox.url());
        config.put("ticketpark.token-store", "file");
        config.put("ticketpark.token-store.directory", tokens.toString());
        config.put("ticketpark.password", "");
        config.put("ticketpark.refresh-token", "");
        return config;
    }

    private FileTokenStore store() {
        return new FileTokenStore(tokens, Sandbox.CLIENT_KEY, Sandbox.USERNAME);
    }
}
