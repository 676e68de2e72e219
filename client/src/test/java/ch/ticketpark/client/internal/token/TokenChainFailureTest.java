package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.oauthError;
import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Fixtures.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ch.ticketpark.client.exception.InvalidGrantException;
import ch.ticketpark.client.exception.MalformedTokenResponseException;
import ch.ticketpark.client.exception.TokenEndpointCircuitOpenException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.exception.TokenReissueDeferredException;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.resilience.CircuitBreaker;
import ch.ticketpark.client.spi.TokenStore;

/**
 * The token chain under partial failure: each test reproduces one way the chain could be lost or stuck (a request
 * that never ends, a refused answer after the server rotated, a store that is down, a skew as long as the token, a
 * storm of 401s, a join of a stale request, a failing save, a passed deadline) and shows what holds instead.
 */
class TokenChainFailureTest extends TokenChainTestSupport {

    // 1. a token request that never ends

    @Test
    void backgroundRefreshThatNeverGetsAThreadIsReplacedByTheFirstCallerWithoutAToken() {
        passwordThenRefresh();
        TokenManager manager = manager(Map.of());
        manager.accessToken();
        clock.advance(Duration.ofSeconds(575)); // inside the skew window
        executor.holdNext(1); // the executor accepts the background refresh and never runs it

        assertThat(manager.accessToken()).isEqualTo("access-1");
        clock.advance(Duration.ofSeconds(30)); // expired; the held request has sent nothing

        assertThat(manager.accessToken()).isEqualTo("access-2");
        // the held task, run at last, sends nothing: it was abandoned
        executor.release();
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(bodies()).containsExactly(PASSWORD_BODY, "grant_type=refresh_token&refresh_token=refresh-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"IllegalStateException", "OutOfMemoryError"})
    void executorThatThrowsNeitherBlocksTheCallerNorLeavesARequestInFlight(String failure) {
        passwordThenRefresh();
        TokenManager manager = manager(Map.of());
        manager.accessToken();
        clock.advance(Duration.ofSeconds(575));
        executor.failNext(failure.equals("OutOfMemoryError")
                ? new OutOfMemoryError("unable to create native thread")
                : new IllegalStateException("executor deactivated"));

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(manager.inFlight()).isNull();
        clock.advance(Duration.ofSeconds(30));
        assertThat(manager.accessToken()).isEqualTo("access-2");
    }

    @Test
    void rejectedBackgroundRefreshNeverRunsOnTheCallerThatHasAValidToken() {
        passwordThenRefresh();
        TokenManager manager = manager(Map.of());
        manager.accessToken();
        clock.advance(Duration.ofSeconds(575));
        executor.failNext(new RejectedExecutionException("queue full"));

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(bodies()).containsExactly(PASSWORD_BODY);
    }

    @Test
    void attemptIsBoundedAsAWholeAndItsLateAnswerIsKept() {
        // the body trickles in over 2 s: no single read waits longer than the read timeout
        server.stubFor(tokenRequest("password")
                .willReturn(token("access-1", "refresh-1", 600).withChunkedDribbleDelay(8, 2_000)));
        TokenManager manager = manager(Map.of(TicketparkConfig.CONNECT_TIMEOUT, "PT0.3S",
                TicketparkConfig.READ_TIMEOUT, "PT0.4S", TicketparkConfig.TOKEN_WAIT_TIMEOUT, "PT0.7S"));

        TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                manager::accessToken);

        assertThat(e.getMessage()).startsWith("TPC0018").contains("PT0.7S");
        assertThat(executor.awaitIdle()).isTrue(); // the answer completes after the caller stopped waiting
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(bodies()).containsExactly(PASSWORD_BODY);
    }

    // 2. a refused answer after the server rotated

    @ParameterizedTest
    @ValueSource(strings = {"\"expires_in\":0", "\"expires_in\":1.5", "\"token_type\":\"bearer\"",
            "\"expires_in\":600,\"token_type\":\"mac\"", "\"expires_in\":600,\"access_token\":\"a b\""})
    void refusedAnswerWithANewRefreshTokenKeepsAndSavesItAndTheNextAttemptUsesIt(String fields) {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(okJson("{\"refresh_token\":\"refresh-2\"," + fields + "}")));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-2"))
                .willReturn(token("access-3", "refresh-3", 600)));
        RecordingStore store = new RecordingStore(null);
        TokenManager manager = manager(Map.of(), store);
        manager.accessToken();
        clock.advance(Duration.ofSeconds(600));

        assertThat(manager.accessToken()).isEqualTo("access-3");

        assertThat(bodies()).containsExactly(PASSWORD_BODY, "grant_type=refresh_token&refresh_token=refresh-1",
                "grant_type=refresh_token&refresh_token=refresh-2");
        // saves run on the executor, always of the newest: refresh-2 may have been passed by refresh-3 already
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(store.saved).isSubsetOf("refresh-1", "refresh-2", "refresh-3").doesNotHaveDuplicates()
                .isSorted().endsWith("refresh-3");
    }

    @Test
    void refusedBackgroundRefreshKeepsTheCurrentAccessTokenAndTheNewRefreshToken() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(okJson("{\"access_token\":\"access-x\",\"refresh_token\":\"refresh-2\"}")));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-2"))
                .willReturn(token("access-3", "refresh-3", 600)));
        RecordingStore store = new RecordingStore(null);
        TokenManager manager = manager(Map.of(), store);
        manager.accessToken();
        clock.advance(Duration.ofSeconds(575));

        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(store.saved).endsWith("refresh-2"); // the refused answer's refresh token is saved
        assertThat(manager.accessToken()).isEqualTo("access-1"); // the refused access token is never used
        clock.advance(Duration.ofSeconds(30));

        assertThat(manager.accessToken()).isEqualTo("access-3");
        assertThat(bodies()).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void refusedAnswerWithoutARefreshTokenIsNotRetriedAndKeepsTheOldOne() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").willReturn(okJson("{\"access_token\":\"access-2\"}")));
        TokenManager manager = manager(Map.of());
        manager.accessToken();
        clock.advance(Duration.ofSeconds(600));

        MalformedTokenResponseException e = catchThrowableOfType(MalformedTokenResponseException.class,
                manager::accessToken);

        assertThat(e.getMessage()).startsWith("TPC0007").contains("expires_in is missing");
        assertThat(e.getClass()).isEqualTo(MalformedTokenResponseException.class); // never the internal one
        assertThat(manager.state().refreshToken()).isEqualTo("refresh-1");
    }

    // 3. the store

    @Test
    void storeThatFailsWhileTheApplicationStartsIsReadAtTheFirstNeed() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=stored-refresh"))
                .willReturn(token("access-1", "refresh-1", 600)));
        RecordingStore store = new RecordingStore("stored-refresh");
        store.down = true; // the database is not ready yet while the application starts
        TokenManager manager = manager(noPassword("configured-spent"), store);
        store.down = false;

        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=stored-refresh");
    }

    @Test
    void rejectedRefreshTokenIsCheckedAgainstTheStoreBeforeGivingUp() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=configured-spent"))
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=stored-refresh"))
                .willReturn(token("access-1", "refresh-1", 600)));
        RecordingStore store = new RecordingStore("stored-refresh");
        store.loadFailures = 1; // down at the first need: the configured token goes out, and is spent
        TokenManager manager = manager(noPassword("configured-spent"), store);

        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=configured-spent",
                "grant_type=refresh_token&refresh_token=stored-refresh");
        assertThat(executor.awaitIdle()).isTrue(); // saves run on the executor
        assertThat(store.saved).containsExactly("refresh-1");
    }

    // 4. a skew as long as the token

    @Test
    void skewLongerThanTheLifetimeStillUsesEachTokenForHalfItsLife() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 60)));
        server.stubFor(tokenRequest("refresh_token").willReturn(token("access-2", "refresh-2", 60)));
        TokenManager manager = manager(Map.of(TicketparkConfig.REFRESH_SKEW, "PT10M"));

        // a call every second for ten minutes
        for (int i = 0; i < 600; i++) {
            manager.accessToken();
            assertThat(executor.awaitIdle()).isTrue();
            clock.advance(Duration.ofSeconds(1));
        }

        // one refresh per half lifetime (30 s), not one per call
        assertThat(bodies()).hasSizeBetween(19, 21);
        assertThat(logged).filteredOn(record -> record.getMessage().startsWith("TPC0015")).hasSize(1);
    }

    @Test
    void slowAnswerDoesNotMakeTheTokenDueOnArrival() {
        Token token = Token.issued("a", Duration.ofSeconds(10), clock.instant(),
                clock.instant().plusSeconds(9), null, 1, false);

        // default skew 2 s would refresh at 8 s, before the answer came; half of the second left instead
        assertThat(token.refreshAt()).isEqualTo(clock.instant().plusMillis(9_500));
    }

    // 6. a dead chain without a password

    @Test
    void deadChainIsLoggedOnceAndCostsNothingPerCall() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=seed-refresh"))
                .willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        TokenManager manager = manager(noPassword("seed-refresh"));
        manager.accessToken();
        clock.advance(Duration.ofSeconds(575));
        manager.accessToken(); // the background refresh finds the chain dead
        assertThat(executor.awaitIdle()).isTrue();
        int tasks = executor.executed();
        logged.clear();

        for (int i = 0; i < 1_000; i++) {
            assertThat(manager.accessToken()).isEqualTo("access-1");
        }
        clock.advance(Duration.ofSeconds(30));
        InvalidGrantException first = catchThrowableOfType(InvalidGrantException.class, manager::accessToken);
        InvalidGrantException second = catchThrowableOfType(InvalidGrantException.class, manager::accessToken);

        assertThat(executor.executed()).isEqualTo(tasks);
        assertThat(logged).isEmpty();
        assertThat(first).isNotSameAs(second).hasMessageStartingWith("TPC0003");
        assertThat(first.getCause()).isSameAs(second.getCause());
        assertThat(bodies()).hasSize(2);
    }

    // 7. a storm of 401s

    @Test
    void fiftyCallersWhoseTokensAreAllRejectedCauseOneReissueThenWaitForTheInterval() throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(token("access-2", "refresh-2", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-2"))
                .willReturn(token("access-3", "refresh-3", 600)));
        TokenManager manager = manager(Map.of());
        int callers = 50;
        CyclicBarrier barrier = new CyclicBarrier(callers);
        List<Throwable> outcomes = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    String first = manager.accessToken();
                    barrier.await();
                    manager.invalidate(first); // the API answered 401
                    barrier.await();
                    String replayed = manager.accessToken(); // the replay
                    barrier.await();
                    manager.invalidate(replayed); // 401 again: the user lost access
                    barrier.await();
                    outcomes.add(catchThrowable(manager::accessToken)); // the next call
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(bodies()).hasSize(2); // the first token and one reissue
        assertThat(outcomes).hasSize(callers).allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOf(TokenReissueDeferredException.class).hasMessageStartingWith("TPC0016"));
        assertThat(outcomes).doesNotHaveDuplicates();
        clock.advance(Duration.ofSeconds(10));
        assertThat(manager.accessToken()).isEqualTo("access-3");
        assertThat(bodies()).hasSize(3);
    }

    @Test
    void reissuedTokenThatTheApiAcceptedOnceIsReplacedAtOnceWhenRejectedLater() {
        passwordThenRefresh();
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-2"))
                .willReturn(token("access-3", "refresh-3", 600)));
        TokenManager manager = manager(Map.of());
        manager.invalidate(manager.accessToken()); // a revocation: one reissue
        String reissued = manager.accessToken();
        manager.accepted(reissued); // the replay went through

        manager.invalidate(reissued); // revoked again, later: no storm

        assertThat(manager.accessToken()).isEqualTo("access-3");
    }

    @Test
    void explicitInvalidateDoesNotBypassTheReissueInterval() {
        passwordThenRefresh();
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-2"))
                .willReturn(token("access-3", "refresh-3", 600)));
        TokenManager manager = manager(Map.of());
        manager.invalidate(manager.accessToken());
        manager.invalidate(manager.accessToken()); // the reissue was rejected too: the interval runs

        manager.invalidate(); // an application that forgets every rejected token

        assertThat(catchThrowable(manager::accessToken)).isInstanceOf(TokenReissueDeferredException.class);
        clock.advance(Duration.ofSeconds(10));
        assertThat(manager.accessToken()).isEqualTo("access-3");
        assertThat(bodies()).hasSize(3);
    }

    // 8. a stale request

    @Test
    void replayDoesNotGetATokenRequestedBeforeTheRejection() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(token("access-2", "refresh-2", 600).withFixedDelay(500)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-2"))
                .willReturn(token("access-3", "refresh-3", 600)));
        TokenManager manager = manager(Map.of());
        manager.accessToken();
        clock.advance(Duration.ofSeconds(575));
        manager.accessToken(); // the background refresh is sent now
        awaitSent(2);
        clock.advance(Duration.ofMillis(1));

        manager.invalidate("access-1"); // the server revoked every token; the refresh in flight was sent before

        assertThat(manager.accessToken()).isEqualTo("access-3");
        assertThat(bodies()).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void callerNeverGetsTheTokenItJustSawRejected() throws Exception {
        passwordThenRefresh();
        TokenManager manager = manager(Map.of());
        manager.accessToken();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> replays = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                replays.add(pool.submit(() -> {
                    manager.invalidate("access-1");
                    return manager.accessToken();
                }));
            }
            for (Future<String> replay : replays) {
                assertThat(replay.get(10, TimeUnit.SECONDS)).isEqualTo("access-2");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // 9. save() gaps

    @Test
    void errorFromSaveKeepsTheNewPairAndTheSaveIsRetriedSoon() {
        passwordThenRefresh();
        RecordingStore store = new RecordingStore(null);
        store.saveFailures = 1;
        TokenManager manager = manager(Map.of(), store);

        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(executor.awaitIdle()).isTrue(); // saves run on the executor
        assertThat(store.saved).isEmpty();
        assertThat(logged).anySatisfy(record -> assertThat(record.getMessage()).startsWith("TPC0112")
                .doesNotContain("refresh-1"));

        clock.advance(Duration.ofSeconds(1)); // past the first backoff ceiling
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(executor.awaitIdle()).isTrue(); // saves run on the executor
        assertThat(store.saved).containsExactly("refresh-1");
        clock.advance(Duration.ofSeconds(600));
        assertThat(manager.accessToken()).isEqualTo("access-2");
        assertThat(executor.awaitIdle()).isTrue(); // saves run on the executor
        assertThat(store.saved).containsExactly("refresh-1", "refresh-2");
    }

    // 10. one deadline

    @Test
    void passwordFallbackIsNotSentAfterTheDeadline() {
        server.stubFor(tokenRequest("refresh_token")
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        RecordingStore store = new RecordingStore("stored-refresh");
        // a slow database, read again after the refusal
        store.onLoad = load -> clock.advance(Duration.ofSeconds(load == 2 ? 31 : 0));
        TokenManager manager = manager(Map.of(), store);

        TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                manager::accessToken);

        assertThat(e.getMessage()).startsWith("TPC0021");
        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=stored-refresh");
    }

    // 12. one exception per caller, and an interrupt called one

    @Test
    void openBreakerThrowsAFreshExceptionToEachCaller() {
        server.stubFor(tokenRequest("password").willReturn(aResponse().withStatus(503)));
        TokenManager manager = manager(Map.of(TicketparkConfig.TOKEN_MAX_ATTEMPTS, "1",
                TicketparkConfig.CIRCUIT_BREAKER_FAILURES, "1"));
        catchThrowable(manager::accessToken);

        var first = catchThrowableOfType(TokenEndpointCircuitOpenException.class, manager::accessToken);
        var second = catchThrowableOfType(TokenEndpointCircuitOpenException.class, manager::accessToken);

        assertThat(first).isNotSameAs(second).hasMessage(second.getMessage());
        assertThat(first.getCause()).isSameAs(second.getCause()).isInstanceOf(TokenEndpointUnavailableException.class);
        assertThat(first.getStackTrace()[0].getClassName()).isNotEqualTo(CircuitBreaker.class.getName());
    }

    @Test
    void interruptIsReportedAsAnInterrupt() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        TokenManager manager = manager(Map.of());

        Thread.currentThread().interrupt();
        TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                manager::accessToken);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(e.getMessage()).contains("TPC0017").doesNotContain("TPC0008");
    }

    private void passwordThenRefresh() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(token("access-2", "refresh-2", 600)));
    }

    /** A store with a saved token (or none) that records saves and fails on demand. */
    private static final class RecordingStore implements TokenStore {

        private final String loaded;
        final List<String> saved = new CopyOnWriteArrayList<>();
        volatile boolean down;
        int loadFailures;
        int saveFailures;
        IntConsumer onLoad = load -> {
        };
        private final AtomicInteger loads = new AtomicInteger();

        RecordingStore(String loaded) {
            this.loaded = loaded;
        }

        @Override
        public Optional<String> load() {
            int load = loads.incrementAndGet();
            onLoad.accept(load);
            if (down || load <= loadFailures) {
                throw new IllegalStateException("database not ready");
            }
            return Optional.ofNullable(loaded);
        }

        @Override
        public void save(String refreshToken) {
            if (saveFailures-- > 0) {
                throw new AssertionError("disk full"); // an Error, not an exception
            }
            saved.add(refreshToken);
        }
    }
}
