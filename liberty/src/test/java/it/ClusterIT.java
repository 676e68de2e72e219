package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.sandbox.client.Faults;
import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.SandboxStats;
import it.servers.LibertyServer;
import it.servers.Postgres;
import it.servers.ServerCallers;

/**
 * Two Liberty servers of one application (the example, as built) share one account's tokens through the {@code jdbc}
 * store on a real PostgreSQL, as {@code docs/token-lifecycle.md} sets it up: {@value #CALLERS} concurrent callers on
 * each for {@value #RUN_SECONDS} s of 2-second tokens, then a {@code kill -9} of the server that is refreshing, while
 * the sandbox holds its token request. The sandbox, on the Arquillian server, is the one token endpoint both talk to
 * and counts what it got.
 * <p>
 * An expiry, here, is the moment the shared token enters its refresh window (the default skew: the last 20 % of its
 * lifetime, so every 1.6 s): one token request per expiry for the whole cluster, not one per server, is what the
 * claim (a row lock) buys. Without it, each server would refresh the shared refresh token on its own: a reuse, and
 * an {@code invalid_grant}, at every expiry.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClusterIT {

    private static final int LIFETIME_SECONDS = 2;
    /** The first moment a token is refreshed: its lifetime less the default skew of 20 %. */
    private static final long REFRESH_INTERVAL_MILLIS = LIFETIME_SECONDS * 800L;
    private static final int RUN_SECONDS = 40;
    /** 20 lifetimes of 2-second tokens; 25 refresh moments. */
    private static final int EXPIRIES = (int) (RUN_SECONDS * 1000L / REFRESH_INTERVAL_MILLIS);
    private static final int CALLERS = 30;
    /** The first calls of a server wait for its first token (a store read, the table, a grant) on a cold JVM. */
    private static final int WARM_UP_SECONDS = 5;
    /** How long the sandbox holds the refresh request of the server that is killed. */
    private static final long HOLD_MILLIS = 12_000;
    /** How long the survivor runs on after the held request was answered: a few more refreshes of its own. */
    private static final long AFTER_MILLIS = 4_000;
    /** How long a server waits for another's claim: one attempt, connect + read timeout (the defaults). */
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(15);
    private static final String TABLE = "ticketpark_token";

    private static Postgres database;

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.placeholder("cluster-it");
    }

    @BeforeAll
    static void startDatabase() throws Exception {
        database = Postgres.start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void shortLivedTokens() {
        sandbox.reset();
        sandbox.lifetimes(Duration.ofSeconds(LIFETIME_SECONDS), null);
    }

    @AfterEach
    void resetSandbox() {
        sandbox.reset();
    }

    @Test
    void twoServersRefreshOncePerExpiryAndTheSurvivorOfACrashMidRefreshGoesOn() throws Exception {
        try (LibertyServer a = LibertyServer.create("cluster-a", database.dataSourceXml("cluster-a"));
                LibertyServer b = LibertyServer.create("cluster-b", database.dataSourceXml("cluster-b"))) {
            a.configure(config());
            b.configure(config());
            CompletableFuture<Void> startA = CompletableFuture.runAsync(() -> start(a));
            start(b);
            startA.get(5, TimeUnit.MINUTES);
            System.out.printf("Cluster: %s started in %d ms, %s in %d ms%n", a.name(), a.lastStart().toMillis(),
                    b.name(), b.lastStart().toMillis());

            ServerCallers callersA = ServerCallers.start(a, CALLERS, "/api/events");
            ServerCallers callersB = ServerCallers.start(b, CALLERS, "/api/events");
            List<ServerCallers> all = List.of(callersA, callersB);
            try {
                TimeUnit.SECONDS.sleep(WARM_UP_SECONDS);
                Duration coldA = callersA.longest();
                Duration coldB = callersB.longest();
                callersA.resetLongest();
                callersB.resetLongest();
                TimeUnit.SECONDS.sleep(RUN_SECONDS - WARM_UP_SECONDS);
                // the version first: a grant is counted by the sandbox before the client stores it
                Optional<Long> version = database.storedVersion(TABLE);
                SandboxStats run = sandbox.stats();
                long callsA = callersA.calls();
                long callsB = callersB.calls();
                long failedA = callersA.failures();
                long failedB = callersB.failures();
                long tokenRequests = run.tokenRequests();
                System.out.printf("Cluster, %d callers on each of 2 servers for %d s of %d-second tokens (%d refresh "
                        + "moments): calls %d + %d, failed %d + %d (%s); token requests %d (allowed %d), password "
                        + "grants %d, refresh grants %d (succeeded %d), invalid_grant %d, refresh token reuses %d, "
                        + "API 401 %d (%d for tokens that expired on the way, replayed); stored version %s; longest call "
                        + "%d ms / %d ms in the first %d s, %d ms / %d ms after%n", CALLERS, RUN_SECONDS,
                        LIFETIME_SECONDS, EXPIRIES, callsA, callsB, failedA, failedB, failures(all), tokenRequests,
                        EXPIRIES + 2, run.passwordGrants(), run.refreshGrants(), run.refreshGrantsSucceeded(),
                        run.tokenErrors(), run.refreshTokenReuses(), run.apiUnauthorized(),
                        run.counter("apiUnauthorizedExpired"), version.orElse(null), coldA.toMillis(),
                        coldB.toMillis(), WARM_UP_SECONDS, callersA.longest().toMillis(),
                        callersB.longest().toMillis());
                assertThat(List.of(failedA, failedB)).as("failed calls on A, on B: %s", failures(all))
                        .containsExactly(0L, 0L);
                assertThat(Math.min(callsA, callsB)).as("calls on the server with fewer").isGreaterThan(CALLERS * 5L);
                assertThat(run.passwordGrants()).as("password grants").isEqualTo(1);
                assertThat(run.tokenErrors()).as("invalid_grant and other token errors").isZero();
                assertThat(run.refreshTokenReuses()).as("refresh tokens sent again").isZero();
                assertThat(tokenRequests).as("token requests: one per expiry for both servers, + 2")
                        .isBetween((long) EXPIRIES / 2, EXPIRIES + 2L);
                // every grant reached the store (but the one that may be on its way), and the other server got its
                // tokens only from there
                long grants = run.passwordGrantsSucceeded() + run.refreshGrantsSucceeded();
                assertThat(version).as("stored version, with %d grants", grants).hasValueSatisfying(
                        stored -> assertThat(stored).isBetween(grants - 1L, grants));

                crashMidRefresh(a, b, callersA, callersB, run);
            } finally {
                for (ServerCallers callers : all) {
                    callers.stop();
                }
            }
        }
    }

    /**
     * The sandbox holds the next refresh request; the server that sent it holds the claim (its connection idle in the
     * row-lock transaction) and is killed. The survivor's wait for the claim ends with the dead connection, it
     * refreshes with the stored refresh token, which the held request had not rotated yet, and goes on. The held
     * request is answered later, for nobody: the refresh token it carries has been rotated by then, so the sandbox
     * refuses it, the one refused request of the test.
     */
    private void crashMidRefresh(LibertyServer a, LibertyServer b, ServerCallers callersA, ServerCallers callersB,
            SandboxStats run) throws Exception {
        sandbox.arm(Faults.token().delay(Duration.ofMillis(HOLD_MILLIS)).grantType("refresh_token").times(1));
        Awaits.until("the next refresh request held", () -> sandbox.faultsInjected().get("token") == 1);
        List<String> holders = awaitOneHolder();
        boolean aRefreshes = holders.equals(List.of("cluster-a"));
        LibertyServer refreshing = aRefreshes ? a : b;
        LibertyServer survivor = aRefreshes ? b : a;
        ServerCallers refreshingCallers = aRefreshes ? callersA : callersB;
        ServerCallers survivorCallers = aRefreshes ? callersB : callersA;

        refreshingCallers.signalStop();
        long failedBeforeKill = refreshingCallers.failures();
        survivorCallers.resetLongest();
        long survivorCallsBefore = survivorCallers.calls();
        refreshing.kill();
        long killed = System.nanoTime();
        Awaits.until("the held request answered", HOLD_MILLIS + 10_000,
                () -> sandbox.stats().counter("refreshGrantsFailed") > 0);
        long answered = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(AFTER_MILLIS);
        survivorCallers.stop();
        refreshingCallers.stop();
        TimeUnit.SECONDS.sleep(1); // a refresh ahead of expiry the last calls started: stored by now
        SandboxStats end = sandbox.stats();
        Optional<Long> version = database.storedVersion(TABLE);

        long refreshedBySurvivor = end.refreshGrantsSucceeded() - run.refreshGrantsSucceeded();
        long survivorCalls = survivorCallers.calls() - survivorCallsBefore;
        System.out.printf("Cluster, %s killed (kill -9) holding the claim, its refresh request held %d ms by the "
                + "sandbox: %s failed calls before the kill %d; %s since the kill: %d calls, %d failed, longest %d ms, "
                + "%d refreshes of its own; held request answered %d ms after the kill; password grants %d, refresh "
                + "grants %d (succeeded %d, refused %d), refresh token reuses %d; stored version %s%n",
                refreshing.name(), HOLD_MILLIS, refreshing.name(), failedBeforeKill, survivor.name(), survivorCalls,
                survivorCallers.failures(), survivorCallers.longest().toMillis(), refreshedBySurvivor,
                TimeUnit.NANOSECONDS.toMillis(answered - killed), end.passwordGrants(), end.refreshGrants(),
                end.refreshGrantsSucceeded(), end.counter("refreshGrantsFailed"), end.refreshTokenReuses(),
                version.orElse(null));
        assertThat(failedBeforeKill).as("failed calls on %s before the kill: %s", refreshing.name(),
                refreshingCallers.firstFailures()).isZero();
        assertThat(survivorCallers.failures()).as("failed calls on %s, the survivor: %s", survivor.name(),
                survivorCallers.firstFailures()).isZero();
        assertThat(survivorCalls).as("calls on %s since the kill", survivor.name()).isGreaterThan(CALLERS);
        assertThat(survivorCallers.longest()).as("longest call on %s since the kill", survivor.name())
                .isLessThan(CLAIM_WAIT);
        assertThat(refreshedBySurvivor).as("refreshes since the kill, all by %s", survivor.name())
                .isGreaterThanOrEqualTo(AFTER_MILLIS / REFRESH_INTERVAL_MILLIS);
        assertThat(end.passwordGrants()).as("password grants in all").isEqualTo(1);
        assertThat(List.of(end.counter("refreshGrantsFailed"), end.refreshTokenReuses(), end.tokenErrors()))
                .as("refused refresh grants, reuses, token errors: only the dead server's "
                        + "held request")
                .containsExactly(1L, 1L, 1L);
        assertThat(version).as("stored version: one per grant")
                .contains(end.passwordGrantsSucceeded() + end.refreshGrantsSucceeded());
    }

    /** The one server whose connection holds the row lock, while its request is held (a bound against hanging). */
    private List<String> awaitOneHolder() throws Exception {
        List<String> holders = new ArrayList<>();
        Awaits.until("one server holding the claim", () -> {
            try {
                holders.clear();
                holders.addAll(database.holdingATransactionOpen());
                return holders.size() == 1;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return holders;
    }

    private static Map<String, String> config() {
        return Map.of("ticketpark/mp-rest/url", Sandbox.url(),
                "ticketpark.token-store", "jdbc",
                "ticketpark.token-store.datasource", Postgres.JNDI_NAME,
                "ticketpark.token-store.create-table", "true");
    }

    private static void start(LibertyServer server) {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(server.name() + " did not start", e);
        }
    }

    private static String failures(List<ServerCallers> all) {
        return all.stream().map(callers -> callers.firstFailures().toString()).toList().toString();
    }
}
