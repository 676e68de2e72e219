package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.oauthError;
import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Fixtures.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.spi.LockingTokenStore;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;
import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.support.RealTime;
import ch.ticketpark.client.support.RecordingStore;

/**
 * The token chain and a {@link LockingTokenStore} shared with other servers: every answer is stored through the claim
 * before any caller gets it; a newer state another server stored is taken instead of a token request; a claim another
 * holds costs an attempt but sends nothing; a store that cannot claim does not stop the tokens.
 */
class TokenChainClaimTest extends TokenManagerTestSupport {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final RecordingStore store = new RecordingStore(null);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    /** What another server stored: its access token, obtained now, valid for ten minutes. */
    private StoredTokens byAnotherServer(String refreshToken, String accessToken, long version) {
        return new StoredTokens(refreshToken, accessToken, clock.instant(), clock.instant().plusSeconds(600), version);
    }

    @Test
    void theAnswerIsStoredThroughTheClaimBeforeAnyCallerHasIt() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        List<Token> inUseWhileStoring = new ArrayList<>();
        TokenManager manager = manager(Map.of(), store.locking());
        store.onSave(refreshToken -> inUseWhileStoring.add(manager.state().token()));

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(inUseWhileStoring).containsExactly((Token) null);
        assertThat(store.current()).hasValueSatisfying(stored -> {
            assertThat(stored.refreshToken()).isEqualTo("refresh-1");
            assertThat(stored.accessToken()).isEqualTo("access-1");
            assertThat(stored.version()).isEqualTo(1);
        });
        assertThat(store.claimsOpened).hasValue(1);
        assertThat(store.claimsClosed).hasValue(1);
    }

    @Test
    void aTokenAnotherServerStoredServesTheRefreshAheadOfExpiryWithoutARequest() {
        passwordThenRefresh();
        TokenManager manager = manager(Map.of(), store.locking());
        assertThat(manager.accessToken()).isEqualTo("access-1");
        clock.advance(Duration.ofSeconds(580)); // inside the refresh window
        store.storedByAnother(byAnotherServer("refresh-b", "access-b", 2));

        assertThat(manager.accessToken()).isEqualTo("access-1"); // the background refresh takes the stored one
        assertThat(executor.awaitIdle()).isTrue();

        assertThat(manager.accessToken()).isEqualTo("access-b");
        assertThat(bodies()).containsExactly(PASSWORD_BODY);
        assertThat(manager.state().refreshToken()).isEqualTo("refresh-b");
    }

    @Test
    void aStoredTokenThatIsDueItselfIsNotTakenByARefreshAheadOfExpiry() {
        passwordThenRefresh();
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-b"))
                .willReturn(token("access-2", "refresh-2", 600)));
        TokenManager manager = manager(Map.of(), store.locking());
        assertThat(manager.accessToken()).isEqualTo("access-1");
        Instant obtained = clock.instant();
        clock.advance(Duration.ofSeconds(580));
        store.storedByAnother(new StoredTokens("refresh-b", "access-b", obtained, obtained.plusSeconds(600), 2));

        manager.accessToken();
        assertThat(executor.awaitIdle()).isTrue();

        assertThat(manager.accessToken()).isEqualTo("access-2"); // refreshed with the stored refresh token
        assertThat(bodies()).containsExactly(PASSWORD_BODY, "grant_type=refresh_token&refresh_token=refresh-b");
        assertThat(store.current()).map(StoredTokens::version).contains(3L);
    }

    @Test
    void aNewerStateWithoutAUsableTokenGivesItsRefreshTokenToTheNextAttemptWhichIsNotCounted() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-x"))
                .willReturn(token("access-1", "refresh-1", 600)));
        store.storedByAnother("refresh-x"); // found by the claim, not by the read at the first need
        store.loads(load -> Optional.empty());
        Map<String, String> config = noPassword("configured");
        config.put(TicketparkConfig.TOKEN_MAX_ATTEMPTS, "1");
        TokenManager manager = manager(config, store.locking());

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=refresh-x");
        assertThat(store.current()).hasValueSatisfying(stored -> {
            assertThat(stored.refreshToken()).isEqualTo("refresh-1");
            assertThat(stored.version()).isEqualTo(2);
        });
        assertThat(store.claimsOpened).hasValue(2);
    }

    /**
     * The state read at the first need is this client's own from then on: its claim, finding that same state, refreshes
     * at once instead of taking it as another server's and claiming again.
     */
    @Test
    void aStateReadAtTheFirstNeedIsThisClientsOwnAndItsRefreshTakesOneClaim() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-s"))
                .willReturn(token("access-2", "refresh-2", 600)));
        Instant obtained = clock.instant().minusSeconds(900);
        store.storedByAnother(new StoredTokens("refresh-s", "access-s", obtained, obtained.plusSeconds(600), 5));
        TokenManager manager = manager(noPassword("configured"), store.locking());

        assertThat(manager.accessToken()).isEqualTo("access-2");

        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=refresh-s");
        assertThat(store.claimsOpened).as("claims of the one refresh").hasValue(1);
    }

    /** Every claim is let go, also when the answer was refused or the request failed. */
    @Test
    void aClaimIsLetGoWhateverTheAttemptsEnd() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody(
                                "{\"access_token\":\"access-2\",\"expires_in\":600,\"refresh_token\":\"refresh-2\"}")));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-2"))
                .willReturn(aResponse().withStatus(503)));
        Map<String, String> config = noPassword("refresh-1");
        config.put(TicketparkConfig.TOKEN_MAX_ATTEMPTS, "1");
        TokenManager manager = manager(config, store.locking());

        assertThat(catchThrowable(manager::accessToken)).as("refused").hasMessageStartingWith("TPC0007");
        assertThat(store.claimsClosed).as("after a refused answer").hasValue(store.claimsOpened.get());
        assertThat(catchThrowable(manager::accessToken)).as("failed").hasMessageContaining("503");
        assertThat(store.claimsClosed).as("after a failed request").hasValue(store.claimsOpened.get());
        assertThat(store.claimsOpened).hasValue(2);
    }

    @Test
    void aClaimAnotherHoldsCostsAnAttemptThatSendsNothing() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        AtomicInteger refused = new AtomicInteger();
        TokenManager manager = manager(Map.of(), store.locking());
        List<Duration> waits = new ArrayList<>();
        store.claims(wait -> {
            waits.add(wait);
            return refused.getAndIncrement() == 0 ? Optional.empty() : Optional.of(store.ownClaim());
        });

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(bodies()).containsExactly(PASSWORD_BODY);
        assertThat(waits).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(15)); // connect + read timeout
        assertThat(sleeper.delays()).hasSize(1);
        assertThat(log.withCode("TPC0104")).singleElement()
                .satisfies(record -> assertThat(LogCapture.formatted(record)).contains("TPC0028"));
    }

    @Test
    void aStoreThatCannotClaimDoesNotStopTheTokens() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        store.claims(wait -> {
            throw new IllegalStateException("database down: refresh-secret");
        });
        TokenManager manager = manager(Map.of(), store.locking());

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(store.saved).containsExactly("refresh-1"); // stored without the claim, on the known version
        assertThat(log.withCode("TPC0113")).singleElement().satisfies(
                record -> assertThat(LogCapture.formatted(record)).doesNotContain("refresh-secret"));
    }

    @Test
    void anAnswerIsStoredOverAStateThatReplacedTheClaimedOne() {
        passwordThenRefresh();
        store.claims(wait -> {
            LockingTokenStore.Claim claim = store.ownClaim();
            store.storedByAnother("refresh-b"); // a server that shares the store without claiming
            return Optional.of(claim);
        });
        TokenManager manager = manager(Map.of(), store.locking());

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(store.current()).hasValueSatisfying(stored -> {
            assertThat(stored.refreshToken()).isEqualTo("refresh-1");
            assertThat(stored.accessToken()).isEqualTo("access-1");
            assertThat(stored.version()).isEqualTo(2);
        });
        assertThat(manager.state().refreshToken()).isEqualTo("refresh-1");
    }

    @Test
    void aStoredTokenTheApiRejectedIsNotTakenAgain() {
        passwordThenRefresh();
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-b"))
                .willReturn(token("access-3", "refresh-3", 600)));
        TokenManager manager = manager(Map.of(), store.locking());
        assertThat(manager.accessToken()).isEqualTo("access-1");
        manager.invalidate("access-1");
        // another server wrote a newer state that still holds the rejected token
        store.storedByAnother(byAnotherServer("refresh-b", "access-1", 2));

        assertThat(manager.accessToken()).isEqualTo("access-3");

        assertThat(bodies()).containsExactly(PASSWORD_BODY, "grant_type=refresh_token&refresh_token=refresh-b");
    }

    /** An attempt whose caller stopped waiting while the claim was held elsewhere sends nothing. */
    @Test
    @RealTime
    void anAttemptWhoseCallerGaveUpDuringTheClaimSendsNothing() throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        store.claims(wait -> {
            claimed.countDown();
            release.await(10, TimeUnit.SECONDS);
            return Optional.of(store.ownClaim());
        });
        TokenManager manager = manager(Map.of(TicketparkConfig.TOKEN_WAIT_TIMEOUT, "PT1S",
                TicketparkConfig.CONNECT_TIMEOUT, "PT0.3S", TicketparkConfig.READ_TIMEOUT, "PT0.5S",
                TicketparkConfig.TOKEN_MAX_ATTEMPTS, "1"), store.locking(), pause -> {
                }, java.time.Clock.systemUTC());

        Future<String> caller = callers.submit(manager::accessToken);
        assertThat(claimed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(catchThrowableOfType(ExecutionException.class, () -> caller.get(5, TimeUnit.SECONDS)))
                .hasCauseInstanceOf(TokenEndpointUnavailableException.class);
        release.countDown();

        assertThat(executor.awaitIdle()).isTrue();
        assertThat(bodies()).isEmpty();
        assertThat(store.claimsClosed).hasValue(store.claimsOpened.get());
    }

    @Test
    void anOlderStateStoredMeanwhileIsOverwrittenByTheAnswer() {
        passwordThenRefresh();
        TokenManager manager = manager(Map.of(), store.locking());
        assertThat(manager.accessToken()).isEqualTo("access-1");
        store.claims(wait -> {
            LockingTokenStore.Claim claim = store.ownClaim();
            store.storedByAnother("refresh-1"); // a late write of the state this refresh replaces
            return Optional.of(claim);
        });
        clock.advance(Duration.ofSeconds(600));

        assertThat(manager.accessToken()).isEqualTo("access-2");

        assertThat(manager.state().refreshToken()).isEqualTo("refresh-2");
        assertThat(store.current()).hasValueSatisfying(stored -> {
            assertThat(stored.refreshToken()).isEqualTo("refresh-2");
            assertThat(stored.version()).isEqualTo(3);
        });
    }

    @Test
    void aStoreThatKeepsReplacingTheStateWithOlderOnesLeavesTheAnswerInMemoryToBeSavedLater() {
        passwordThenRefresh();
        TokenManager manager = manager(Map.of(), store.locking());
        assertThat(manager.accessToken()).isEqualTo("access-1");
        store.onSave(refreshToken -> store.storedByAnother("refresh-1"));
        clock.advance(Duration.ofSeconds(600));

        assertThat(manager.accessToken()).isEqualTo("access-2");

        assertThat(manager.state().refreshToken()).isEqualTo("refresh-2");
        assertThat(manager.state().saveRetryAt()).isNotNull();
        assertThat(log.withCode("TPC0112")).hasSize(1);
        store.onSave(refreshToken -> {
        });
        manager.close(); // the pending save, made over the older state
        assertThat(store.current()).map(StoredTokens::refreshToken).contains("refresh-2");
    }

    /** The first use of {@code refreshToken} (matched exactly) answers the given tokens, every later use invalid_grant. */
    private static void rotates(String refreshToken, String accessToken, String next) {
        String scenario = "rotation of " + refreshToken;
        String body = "grant_type=refresh_token&refresh_token=" + refreshToken;
        server.stubFor(tokenRequest("refresh_token").withRequestBody(equalTo(body))
                .inScenario(scenario).whenScenarioStateIs(STARTED).willSetStateTo("spent")
                .willReturn(token(accessToken, next, 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(equalTo(body))
                .inScenario(scenario).whenScenarioStateIs("spent")
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
    }

    /**
     * A state is another's when it is not what this client last read or wrote, whatever its version: when the
     * store's versions start again (the token file or row deleted, as the file store's message advises for an
     * unreadable file; a table re-created), a running server still sees the other server's newer state and takes it,
     * instead of sending its own refresh token, which the other server has just rotated away.
     */
    @Test
    void aStoreWhoseVersionsStartAgainStillSharesOneRefreshPerExpiry() {
        rotates("refresh-1", "access-2", "refresh-2");
        store.storedByAnother(new StoredTokens("refresh-1", "access-1", clock.instant(),
                clock.instant().plusSeconds(600), 7));
        LockingTokenStore shared = store.locking();
        TokenManager serverA = manager(noPassword("configured"), shared);
        TokenManager serverB = manager(noPassword("configured"), shared);
        assertThat(serverA.accessToken()).isEqualTo("access-1"); // both from the store: version 7
        assertThat(serverB.accessToken()).isEqualTo("access-1");
        store.storedByAnother((StoredTokens) null); // the token file is deleted
        clock.advance(Duration.ofSeconds(600));

        assertThat(serverA.accessToken()).isEqualTo("access-2"); // stored as version 1
        serverB.accessToken(); // its claim finds A's version 1: should take it, as TPC0029 says

        assertThat(bodies()).as("token requests of both servers for this one expiry").containsExactly(REFRESH_1_BODY);
    }

    /**
     * A claim that finds a newer state without a usable access token sends nothing and the next attempt uses that
     * state's refresh token, without counting as an attempt: a few times. A store that keeps reporting newer states
     * (a broken store, two clients of another kind writing in turn) then costs failed attempts, bounded by
     * token-max-attempts, also with the wall clock set back (here by an hour, at the first claim), not a loop of claims
     * until the deadline. The test store stops moving on after 2000 claims so that a failing test ends.
     */
    @Test
    void aStoreThatKeepsReportingNewerStatesCostsAtMostTheConfiguredAttempts() {
        server.stubFor(tokenRequest("refresh_token").willReturn(token("access-1", "refresh-1", 600)));
        AtomicInteger claims = new AtomicInteger();
        store.claims(wait -> {
            int claim = claims.incrementAndGet();
            if (claim == 1) {
                clock.advance(Duration.ofHours(-1)); // an NTP step back while the caller waits
            }
            if (claim < 2000) {
                store.storedByAnother("moved-on-" + claim); // one version up, a refresh token only
            }
            return Optional.of(store.ownClaim());
        });
        Map<String, String> config = noPassword("configured");
        config.put(TicketparkConfig.TOKEN_MAX_ATTEMPTS, "3");
        TokenManager manager = manager(config, store.locking());

        TokenEndpointUnavailableException failure = catchThrowableOfType(TokenEndpointUnavailableException.class,
                manager::accessToken);

        assertThat(failure.getMessage()).startsWith("TPC0101").contains("TPC0033");
        assertThat(claims).as("claims of one token request with token-max-attempts=3")
                .hasValue(TokenChain.MAX_MOVED_ON + 3);
        assertThat(bodies()).as("nothing sent: every claim found another state").isEmpty();
        assertThat(sleeper.delays()).as("pauses between the failed attempts").hasSize(2);
    }

    /**
     * A save that threw although the store had written it (in doubt: a JDBC commit whose answer is lost, a remote
     * store that timed out after writing) leaves a save retry pending. Another server takes that state and rotates it.
     * The retry then claims and finds the other server's newer state: it takes it, and never writes its own refresh
     * token, which the other server has spent, over it; the held background refresh then uses the newest one.
     */
    @Test
    void aPendingSaveNeverWritesARefreshTokenAnotherServerHasRotatedOverItsNewerOne() {
        rotates("refresh-1", "access-2", "refresh-2");
        rotates("refresh-2", "access-3", "refresh-3");
        RecordingStore store = new RecordingStore("refresh-1"); // not the class's: it holds one already
        claimsInDoubt(store);
        LockingTokenStore shared = store.locking();
        pendingSaveMeetsAnothersRotation(shared, shared, store);
    }

    /**
     * A's first save is in doubt (written, but it threw): A logs TPC0112 and keeps a save pending. B takes the stored
     * state and rotates it; then A's save retry runs before A's refresh ahead of expiry. The store must keep B's
     * refresh-3, and refresh-2 must be sent once only.
     */
    private void pendingSaveMeetsAnothersRotation(TokenStore storeOfA, TokenStore storeOfB, RecordingStore store) {
        TokenManager serverA = manager(noPassword("configured"), storeOfA);
        TokenManager serverB = manager(noPassword("configured"), storeOfB);
        assertThat(serverA.accessToken()).isEqualTo("access-2"); // stored as version 2, but A logged TPC0112
        assertThat(log.withCode("TPC0112")).hasSize(1);
        assertThat(serverB.accessToken()).isEqualTo("access-2"); // from the store, no request
        clock.advance(Duration.ofSeconds(580)); // in the refresh window of both
        assertThat(serverB.accessToken()).isEqualTo("access-2"); // B's background refresh: refresh-2 is spent
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(store.current()).map(StoredTokens::refreshToken).contains("refresh-3");

        executor.holdNext(1); // A's background refresh waits for a thread; its save retry runs first
        assertThat(serverA.accessToken()).isEqualTo("access-2");
        assertThat(executor.awaitIdle()).isTrue();
        Optional<String> afterRetry = store.current().map(StoredTokens::refreshToken);
        executor.release();
        assertThat(executor.awaitIdle()).isTrue();

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(afterRetry).as("the store after A's save retry").contains("refresh-3");
        soft.assertThat(sent("refresh-2")).as("uses of refresh-2").isEqualTo(1);
        soft.assertAll();
    }

    /**
     * A token the application forgot is never handed out again, also when the store holds it as another's state: the
     * save that failed had landed after all, so the claim finds it at a version this client does not know.
     */
    @Test
    void aForgottenTokenIsNotTakenBackFromTheStore() {
        passwordThenRefresh();
        store.failSaves(1, () -> new IllegalStateException("commit: connection reset"));
        TokenManager manager = manager(Map.of(), store.locking());
        assertThat(manager.accessToken()).isEqualTo("access-1"); // its save failed (TPC0112)
        store.storedByAnother(byAnotherServer("refresh-1", "access-1", 1)); // but had landed

        manager.invalidate();

        assertThat(manager.accessToken()).isEqualTo("access-2");
        assertThat(bodies()).containsExactly(PASSWORD_BODY, REFRESH_1_BODY);
    }

    /**
     * A refresh token the endpoint rejected is never taken back from the store: the password grant that replaces it
     * goes out, although the claim finds the rejected token there at a version this client does not know.
     */
    @Test
    void aRejectedRefreshTokenIsNotTakenBackFromTheStore() {
        server.stubFor(
                tokenRequest("refresh_token").willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        server.stubFor(tokenRequest("password").willReturn(token("access-P", "refresh-P", 600)));
        AtomicInteger claims = new AtomicInteger();
        store.claims(wait -> {
            if (claims.incrementAndGet() == 2) {
                store.storedByAnother("refresh-1"); // the password attempt's claim finds the rejected one
            }
            return Optional.of(store.ownClaim());
        });
        Map<String, String> config = Map.of(TicketparkConfig.REFRESH_TOKEN, "refresh-1");
        TokenManager manager = manager(config, store.locking());

        assertThat(manager.accessToken()).isEqualTo("access-P");

        assertThat(bodies()).containsExactly(REFRESH_1_BODY, PASSWORD_BODY);
    }

    /**
     * An attempt that waited for the claim while a pending save took another server's state (its refresh token, not
     * its access token) takes that state's access token, which is not due, instead of refreshing for an expiry the
     * other server has refreshed already.
     */
    @Test
    void anAttemptThatWaitedWhileAPendingSaveTookAnothersStateTakesItsAccessToken() {
        passwordThenRefresh();
        store.failSaves(1, () -> new IllegalStateException("store down"));
        TokenManager manager = manager(Map.of(), store.locking());
        assertThat(manager.accessToken()).isEqualTo("access-1"); // not stored: a save is pending
        clock.advance(Duration.ofSeconds(580)); // due, and so is the save retry
        store.storedByAnother(byAnotherServer("refresh-x", "access-x", 5)); // obtained now: not due
        int closedBefore = store.claimsClosed.get();
        store.claims(wait -> {
            boolean saving = StackWalker.getInstance()
                    .walk(frames -> frames.anyMatch(frame -> frame.getMethodName().equals("saveNewest")));
            if (!saving) {
                // the attempt, built with refresh-1, gets the claim only after the save has let go of it
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (store.claimsClosed.get() == closedBefore && System.nanoTime() - end < 0) {
                    Thread.onSpinWait();
                }
            }
            return Optional.of(store.ownClaim());
        });

        assertThat(manager.accessToken()).isEqualTo("access-1"); // starts the refresh and the save retry
        assertThat(executor.awaitIdle()).isTrue();

        assertThat(bodies()).as("token requests: the other server refreshed for this expiry").containsExactly(
                PASSWORD_BODY);
        assertThat(manager.accessToken()).isEqualTo("access-x");
        assertThat(log.withCode("TPC0029")).as("the pending save took the other server's state").hasSize(1);
    }

    /** Claims of {@code store} whose first successful compare-and-set writes but throws (a lost commit answer). */
    private static void claimsInDoubt(RecordingStore store) {
        AtomicBoolean inDoubt = new AtomicBoolean(true);
        store.claims(wait -> {
            LockingTokenStore.Claim claim = store.ownClaim();
            BiPredicate<Long, StoredTokens> write = inDoubtOnce(inDoubt, claim::compareAndSet);
            return Optional.of(new LockingTokenStore.Claim() {

                @Override
                public Optional<StoredTokens> current() {
                    return claim.current();
                }

                @Override
                public boolean compareAndSet(long expectedVersion, StoredTokens next) {
                    return write.test(expectedVersion, next);
                }

                @Override
                public void close() {
                    claim.close();
                }
            });
        });
    }

    /** Writes through {@code write}, but the first write that succeeds while {@code inDoubt} throws all the same. */
    private static BiPredicate<Long, StoredTokens> inDoubtOnce(AtomicBoolean inDoubt,
            BiPredicate<Long, StoredTokens> write) {
        return (expectedVersion, next) -> {
            boolean stored = write.test(expectedVersion, next);
            if (stored && inDoubt.getAndSet(false)) {
                throw new IllegalStateException("commit: connection reset"); // written all the same
            }
            return stored;
        };
    }

    /** A store whose first successful compare-and-set writes but throws (a JDBC commit whose answer is lost). */
    private static TokenStore firstSaveInDoubt(TokenStore store) {
        BiPredicate<Long, StoredTokens> write = inDoubtOnce(new AtomicBoolean(true), store::compareAndSet);
        return new TokenStore() {

            @Override
            public Optional<StoredTokens> load() {
                return store.load();
            }

            @Override
            public boolean compareAndSet(long expectedVersion, StoredTokens next) {
                return write.test(expectedVersion, next);
            }
        };
    }

    /**
     * An answer without a new refresh token keeps the current one: A stores (refresh-1, access-2) one version up, and
     * B's claim takes access-2 from it, although it holds the very refresh token B was about to send, instead of
     * refreshing a second time for the same expiry.
     */
    @Test
    void anAnswerWithoutANewRefreshTokenIsTakenByTheOtherServerWithoutASecondRequest() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"access-2\",\"expires_in\":600,\"token_type\":\"bearer\"}")));
        RecordingStore store = new RecordingStore(null);
        store.storedByAnother(new StoredTokens("refresh-1", "access-1", clock.instant(),
                clock.instant().plusSeconds(600), 7));
        LockingTokenStore shared = store.locking();
        TokenManager serverA = manager(noPassword("configured"), shared);
        TokenManager serverB = manager(noPassword("configured"), shared);
        assertThat(serverA.accessToken()).isEqualTo("access-1");
        assertThat(serverB.accessToken()).isEqualTo("access-1");
        clock.advance(Duration.ofSeconds(600));

        assertThat(serverA.accessToken()).isEqualTo("access-2"); // stored as (refresh-1, access-2), version 8
        String b = serverB.accessToken(); // its claim finds version 8 with a valid access token

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(bodies()).as("token requests of both servers for this one expiry")
                .containsExactly(REFRESH_1_BODY);
        soft.assertThat(b).as("B's token").isEqualTo("access-2");
        soft.assertAll();
    }

    /**
     * A store restored from an old backup holds a refresh token this client spent long ago (18 rotations): it is no
     * other server's state, so the client neither takes nor sends it; it refreshes with its own, and stores that over
     * the old state.
     */
    @Test
    void aRestoredOldStateDoesNotMakeTheClientSendARefreshTokenItSpentLongAgo() {
        for (int i = 0; i <= 18; i++) {
            rotates(String.format("rt-%02d", i), String.format("at-%02d", i + 1), String.format("rt-%02d", i + 1));
        }
        RecordingStore store = new RecordingStore(null);
        TokenManager manager = manager(noPassword("rt-00"), store.locking());
        for (int i = 1; i <= 18; i++) {
            assertThat(manager.accessToken()).isEqualTo(String.format("at-%02d", i));
            clock.advance(Duration.ofSeconds(600));
        }
        StoredTokens backup = store.states.get(0); // (rt-01, at-01), version 1: taken after the first refresh
        assertThat(backup.refreshToken()).isEqualTo("rt-01");
        store.storedByAnother(backup); // the operator restores the token file / row from that backup

        Throwable failure = catchThrowable(manager::accessToken);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(failure).as("the call after the restore").isNull();
        soft.assertThat(sent("rt-01")).as("uses of rt-01, spent 17 refreshes ago").isEqualTo(1);
        soft.assertThat(sent("rt-18")).as("uses of rt-18, the chain's valid refresh token").isEqualTo(1);
        soft.assertAll();
    }

    /**
     * A pending save never writes over another server's state, also through a store that does not claim (a plain
     * {@code TokenStore}, or a locking one whose claim fails: TPC0113): it reads the store first, and takes B's
     * refresh-3 instead of putting its own, spent refresh-2 back, which it would then send a second time.
     */
    @Test
    void aPendingSaveWithoutAClaimNeverWritesOverAnotherServersNewerState() {
        rotates("refresh-1", "access-2", "refresh-2");
        rotates("refresh-2", "access-3", "refresh-3");
        RecordingStore store = new RecordingStore("refresh-1");
        pendingSaveMeetsAnothersRotation(firstSaveInDoubt(store), store, store);
    }

    /**
     * A pending save that takes another's state takes its refresh token at once, and its access token at the next
     * claim: A's refresh ahead of expiry then serves B's access-3, which is not due, instead of sending refresh-3 for
     * an expiry B has refreshed already.
     */
    @Test
    void aPendingSaveThatTakesAnothersStateLeavesNoSecondRefreshForTheSameExpiry() {
        rotates("refresh-1", "access-2", "refresh-2");
        rotates("refresh-2", "access-3", "refresh-3");
        rotates("refresh-3", "access-4", "refresh-4");
        RecordingStore store = new RecordingStore("refresh-1");
        claimsInDoubt(store);
        LockingTokenStore shared = store.locking();
        TokenManager serverA = manager(noPassword("configured"), shared);
        TokenManager serverB = manager(noPassword("configured"), shared);
        assertThat(serverA.accessToken()).isEqualTo("access-2");
        assertThat(serverB.accessToken()).isEqualTo("access-2");
        clock.advance(Duration.ofSeconds(580));
        assertThat(serverB.accessToken()).isEqualTo("access-2"); // B refreshes for this expiry: access-3, refresh-3
        assertThat(executor.awaitIdle()).isTrue();

        executor.holdNext(1); // A's background refresh waits; its save retry takes B's state first
        assertThat(serverA.accessToken()).isEqualTo("access-2");
        assertThat(executor.awaitIdle()).isTrue();
        executor.release();
        assertThat(executor.awaitIdle()).isTrue();

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(bodies()).as("token requests of both servers").containsExactly(
                "grant_type=refresh_token&refresh_token=refresh-1", "grant_type=refresh_token&refresh_token=refresh-2");
        soft.assertThat(serverA.accessToken()).as("A's token after its refresh ahead of expiry").isEqualTo("access-3");
        soft.assertAll();
    }
}
