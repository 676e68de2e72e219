package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.oauthError;
import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Fixtures.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ch.ticketpark.client.exception.InvalidGrantException;
import ch.ticketpark.client.exception.MalformedTokenResponseException;
import ch.ticketpark.client.exception.TicketparkException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.observe.TokenObserver;
import ch.ticketpark.client.internal.resilience.Backoff;
import ch.ticketpark.client.internal.resilience.Sleeper;
import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.support.MapConfig;
import ch.ticketpark.client.support.MutableClock;
import ch.ticketpark.client.support.RealTime;
import ch.ticketpark.client.support.RecordingStore;

/**
 * How a token request reaches the chain: each refresh token goes out once at a time, whoever stopped waiting for its
 * attempt; a late answer is adopted unless the chain has moved past its refresh token; an attempt that never got a
 * thread sends nothing; a refused answer that holds a new refresh token keeps it (the server has rotated the chain).
 * Each test shows what a user observes: the bodies the token endpoint received, what the callers got, what the store
 * saved, what was logged.
 */
class TokenChainTest extends TokenManagerTestSupport {

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

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

    /** An attempt accepted by the executor but never run does not block its refresh token forever. */
    @Test
    void attemptAcceptedButNeverRunDoesNotBlockItsRefreshToken() {
        server.stubFor(tokenRequest("refresh_token").willReturn(token("access-1", "refresh-2", 600)));
        Map<String, String> config = noPassword("refresh-1");
        config.put(TicketparkConfig.CONNECT_TIMEOUT, "PT0.2S");
        config.put(TicketparkConfig.READ_TIMEOUT, "PT0.2S");
        config.put(TicketparkConfig.TOKEN_MAX_ATTEMPTS, "1");
        TokenManager manager = manager(config);
        executor.holdNext(1); // the executor accepts the attempt and never runs it

        TokenEndpointUnavailableException first = catchThrowableOfType(TokenEndpointUnavailableException.class,
                manager::accessToken);

        assertThat(first.getMessage()).startsWith("TPC0018");
        assertThat(bodies()).isEmpty();
        assertThat(executor.held()).isEqualTo(1);

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(bodies()).containsExactly(REFRESH_1_BODY);
        assertThat(log.records()).noneSatisfy(record -> assertThat(record.getMessage()).contains("TPC0025"));
        executor.release(); // the held attempt, run at last, sends nothing: its caller stopped waiting
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(bodies()).containsExactly(REFRESH_1_BODY);
    }

    @Test
    @RealTime
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

    /** A refresh token is never sent again while an earlier attempt with it is still on its way. */
    @Test
    @RealTime
    void refreshTokenIsNotSentAgainWhileItsEarlierAttemptIsOnItsWay() {
        // the body trickles in over 3 s: each read is within the read timeout, the attempt as a whole is not
        server.stubFor(tokenRequest("refresh_token")
                .willReturn(token("access-1", "refresh-2", 600).withChunkedDribbleDelay(10, 3_000)));
        Map<String, String> config = noPassword("refresh-1");
        config.put(TicketparkConfig.CONNECT_TIMEOUT, "PT0.3S");
        config.put(TicketparkConfig.READ_TIMEOUT, "PT0.5S");
        config.put(TicketparkConfig.TOKEN_WAIT_TIMEOUT, "PT10S");
        TokenManager manager = manager(config, TokenManager.NO_STORE);

        Throwable failure = catchThrowable(manager::accessToken);

        assertThat(failure).isInstanceOf(TokenEndpointUnavailableException.class);
        assertThat(sleeper.delays()).isNotEmpty(); // the caller did retry
        assertThat(sent("refresh-1")).isEqualTo(1);
        assertThat(executor.awaitIdle()).isTrue(); // the dribbled answer has arrived
        assertThat(sent("refresh-1")).isEqualTo(1);
        assertThat(manager.accessToken()).isEqualTo("access-1"); // the late answer's token, without a new request
        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=refresh-1");
        assertThat(manager.state().refreshToken()).isEqualTo("refresh-2");
    }

    /**
     * One refresh token is never sent twice, even when a caller abandons an overdue owner between the answer's arrival
     * and the bookkeeping. The attempt adopts its answer itself, before it lets go of the refresh token; the test
     * traps it in that adoption (answer read, not yet in the chain, refresh token still on its way).
     */
    @Test
    void refreshTokenIsNotSentTwiceWhenAnOverdueOwnerIsAbandonedAfterItsAnswerArrived() throws Exception {
        server.stubFor(
                tokenRequest("refresh_token").willReturn(token("access-1", "refresh-2", 600).withFixedDelay(300)));
        TrapClock trapClock = new TrapClock();
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        Sleeper pause = delay -> {
            pauses.add(delay);
            trapClock.release.countDown(); // the attempt brings its answer in while the second caller pauses
            assertThat(executor.awaitIdle()).isTrue();
            trapClock.advance(delay);
        };
        TokenManager manager = manager(noPassword("refresh-1"), TokenManager.NO_STORE, pause, trapClock);
        try {
            CountDownLatch started = new CountDownLatch(1);
            Thread[] ownerThread = new Thread[1];
            Future<String> owner = callers.submit(() -> {
                ownerThread[0] = Thread.currentThread();
                started.countDown();
                return manager.accessToken();
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            awaitSent(1); // the owner's attempt is on its way; its answer comes 300 ms later
            Thread owning = ownerThread[0];
            trapClock.arm(thread -> thread != owning); // the attempt's next clock call is in its adoption
            assertThat(trapClock.inTrap.await(10, TimeUnit.SECONDS)).isTrue();
            trapClock.advance(Duration.ofSeconds(31)); // the owner's request is overdue now

            String second = manager.accessToken();

            assertThat(second).isEqualTo("access-1"); // the answer's token, not a second rotation
            assertThat(owner.get(10, TimeUnit.SECONDS)).isEqualTo("access-1");
            assertThat(sent("refresh-1")).isEqualTo(1);
            assertThat(bodies()).containsExactly(REFRESH_1_BODY);
            assertThat(pauses).hasSize(1); // the second caller did try, and held back while refresh-1 was on its way
            assertThat(log.records()).anySatisfy(record -> assertThat(record.getMessage()).contains("TPC0025"));
            assertThat(manager.state().refreshToken()).isEqualTo("refresh-2");
        } finally {
            trapClock.release.countDown();
            manager.close();
        }
    }

    /**
     * A caller held back because the refresh token is still on its way (TPC0025) sends again once that attempt has
     * ended: here its answer came too late to be of use (its token expired meanwhile), so the caller goes on with the
     * refresh token that answer brought. The attempt is trapped in its adoption while the owner's request is overdue.
     */
    @Test
    void callerHeldBackWhileTheRefreshTokenWasOnItsWaySendsOnceTheAttemptEnded() throws Exception {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(token("access-1", "refresh-2", 30)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-2"))
                .willReturn(token("access-2", "refresh-3", 600)));
        TrapClock trapClock = new TrapClock();
        Sleeper pause = delay -> {
            trapClock.release.countDown(); // the attempt brings its answer in while the second caller pauses
            assertThat(executor.awaitIdle()).isTrue();
            trapClock.advance(delay);
        };
        TokenManager manager = manager(noPassword("refresh-1"), TokenManager.NO_STORE, pause, trapClock);
        Thread caller = Thread.currentThread();
        Future<String> owner;
        try {
            CountDownLatch started = new CountDownLatch(1);
            Thread[] ownerThread = new Thread[1];
            owner = callers.submit(() -> {
                ownerThread[0] = Thread.currentThread();
                trapClock.arm(thread -> thread != ownerThread[0] && thread != caller); // the attempt, in its adoption
                started.countDown();
                return manager.accessToken();
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(trapClock.inTrap.await(10, TimeUnit.SECONDS)).isTrue();
            trapClock.advance(Duration.ofSeconds(31)); // the owner's request is overdue, its token expired on arrival

            String second = manager.accessToken();

            assertThat(second).isEqualTo("access-2");
        } finally {
            trapClock.release.countDown();
        }
        assertThat(owner.get(10, TimeUnit.SECONDS)).isEqualTo("access-2");
        assertThat(bodies()).containsExactly(REFRESH_1_BODY, "grant_type=refresh_token&refresh_token=refresh-2");
        assertThat(log.withCode("TPC0104")).singleElement()
                .satisfies(record -> assertThat(record.getMessage()).contains("TPC0025"));
    }

    /**
     * A failed attempt lets go of its refresh token before it completes its caller's outcome, so a retry that follows
     * at once (here the backoff pause takes no real time) sends the token again instead of finding it still on its way
     * (TPC0025). Repeated, because it is a race; each run sends refresh-1 four times.
     */
    @Test
    @RealTime
    void failedAttemptLetsGoOfItsRefreshTokenBeforeItsCallerRetries() {
        server.stubFor(tokenRequest("refresh_token").willReturn(aResponse().withStatus(503)));
        for (int run = 1; run <= 30; run++) {
            server.resetRequests();
            log.records().clear();
            TokenManager manager = manager(noPassword("refresh-1"));

            Throwable failure = catchThrowable(manager::accessToken);

            assertThat(failure).isInstanceOf(TokenEndpointUnavailableException.class);
            assertThat(sent("refresh-1")).as("run %s: refresh-1 sent, retries refused: %s", run, failure.getMessage())
                    .isEqualTo(4);
            assertThat(log.records()).noneSatisfy(record -> assertThat(record.getMessage()).contains("TPC0025"));
            assertThat(executor.awaitIdle()).isTrue();
        }
    }

    /**
     * A late answer that arrives during the retry pause ends the foreground request with its token: no
     * second rotation, no failure.
     */
    @Test
    @RealTime
    void lateAnswerArrivingDuringTheRetryPauseEndsTheRequestWithItsToken() {
        // each chunk within the read timeout, the answer as a whole (about 1.2 s) beyond the attempt's bound of 0.8 s
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(token("access-1", "refresh-2", 600).withChunkedDribbleDelay(10, 1_200)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-2"))
                .willReturn(aResponse().withStatus(503)));
        Map<String, String> config = noPassword("refresh-1");
        config.put(TicketparkConfig.CONNECT_TIMEOUT, "PT0.3S");
        config.put(TicketparkConfig.READ_TIMEOUT, "PT0.5S");
        config.put(TicketparkConfig.TOKEN_WAIT_TIMEOUT, "PT20S");
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        Sleeper realPause = delay -> {
            pauses.add(delay);
            // really sleeps, until the late answer is in (at most 10 s, a guard): it lands during the pause
            assertThat(executor.awaitIdle()).isTrue();
            clock.advance(delay);
        };
        TokenManager manager = manager(config, TokenManager.NO_STORE, realPause);

        String got = manager.accessToken();

        assertThat(got).isEqualTo("access-1");
        assertThat(pauses).hasSize(1);
        assertThat(log.records()).anySatisfy(record -> assertThat(record.getMessage()).startsWith("TPC0104")
                .contains("TPC0018")); // the first attempt did time out
        assertThat(bodies()).containsExactly(REFRESH_1_BODY);
        assertThat(sent("refresh-2")).isZero();
        assertThat(manager.state().refreshToken()).isEqualTo("refresh-2");
    }

    /**
     * A late answer for a refresh token the chain has moved past cannot overwrite the newer chain. RT1 is never sent
     * again while its first attempt is on its way, so no retry of RT1 can be rejected meanwhile; the chain moves past
     * RT1 another way while its answer trickles in: the store, unreadable at the first need, holds refresh-s, which is
     * rejected; the password grant gives access-P/refresh-P; then RT1's late answer arrives.
     */
    @Test
    @RealTime
    void lateAnswerForARefreshTokenThatWasPassedCannotOverwriteANewerChain() throws Exception {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(token("access-L", "refresh-L", 600).withChunkedDribbleDelay(10, 4_000)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-s"))
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        server.stubFor(tokenRequest("password").willReturn(token("access-P", "refresh-P", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-P"))
                .willReturn(token("access-Q", "refresh-Q", 600)));
        RecordingStore store = RecordingStore.scripted(load -> {
            if (load == 1) {
                throw new IllegalStateException("database not ready");
            }
            return Optional.of("refresh-s");
        });
        TokenManager manager = manager(Map.of(TicketparkConfig.REFRESH_TOKEN, "refresh-1",
                TicketparkConfig.CONNECT_TIMEOUT, "PT0.3S", TicketparkConfig.READ_TIMEOUT, "PT0.5S",
                TicketparkConfig.TOKEN_WAIT_TIMEOUT, "PT10S"), store);

        assertThat(catchThrowable(manager::accessToken)).isInstanceOf(TokenEndpointUnavailableException.class);
        assertThat(manager.accessToken()).isEqualTo("access-P"); // before RT1's answer has come
        assertThat(executor.awaitIdle()).isTrue(); // RT1's late answer has come now
        assertThat(log.records()).anySatisfy(record -> assertThat(record.getMessage()).startsWith("TPC0022"));

        assertThat(manager.accessToken()).isEqualTo("access-P");
        assertThat(manager.state().refreshToken()).isEqualTo("refresh-P");
        clock.advance(Duration.ofSeconds(600));
        assertThat(manager.accessToken()).isEqualTo("access-Q");
        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=refresh-1",
                "grant_type=refresh_token&refresh_token=refresh-s", PASSWORD_BODY,
                "grant_type=refresh_token&refresh_token=refresh-P");
        assertThat(executor.awaitIdle()).isTrue(); // saves run on the executor
        assertThat(store.saved).doesNotContain("refresh-L").endsWith("refresh-Q").contains("refresh-P");
        assertThat(store.saved.subList(store.saved.indexOf("refresh-P"), store.saved.size()))
                .containsExactly("refresh-P", "refresh-Q");
        // a retry of RT1 rejected while RT1's first attempt is on its way, which no request can bring about, at
        // the level of the state: once the password grant has replaced the rejected refresh token, an answer for the
        // rejected one is not accepted
        TokenState rejected = TokenState.initial("refresh-1").withRefreshTokenRejected(null);
        assertThat(rejected.accepts("refresh-1")).isTrue(); // before: a late answer is the chain's only way on
        assertThat(rejected.withRefreshToken("refresh-P").accepts("refresh-1")).isFalse();
    }

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

    /** A 200 answer labelled text/html whose JSON body holds a refresh token is refused, the token kept. */
    @Test
    void htmlLabelledAnswerIsRefusedButItsRefreshTokenIsKept() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=UTF-8")
                        .withBody("{\"access_token\":\"access-2\",\"expires_in\":600,\"token_type\":\"bearer\","
                                + "\"refresh_token\":\"refresh-2\"}")));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-2"))
                .willReturn(token("access-3", "refresh-3", 600)));
        Map<String, String> config = noPassword("refresh-1");
        config.put(TicketparkConfig.TOKEN_MAX_ATTEMPTS, "1");
        RecordingStore store = new RecordingStore(null);
        TokenManager manager = manager(config, store);

        MalformedTokenResponseException refused = catchThrowableOfType(MalformedTokenResponseException.class,
                manager::accessToken);

        assertThat(refused.getClass()).isEqualTo(MalformedTokenResponseException.class);
        assertThat(refused.getMessage()).startsWith("TPC0007").contains("HTML").doesNotContain("access-2")
                .doesNotContain("refresh-2");
        assertThat(manager.accessToken()).isEqualTo("access-3");
        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=refresh-1",
                "grant_type=refresh_token&refresh_token=refresh-2");
        assertThat(executor.awaitIdle()).isTrue(); // saves run on the executor
        assertThat(store.saved).contains("refresh-2").endsWith("refresh-3");
    }

    /**
     * A refused answer that carries the refresh token that was sent (a server that does not rotate) logs
     * no TPC0023, and the chain keeps working: the next refresh sends the same token again, once.
     */
    @Test
    void refusedAnswerWithTheSameRefreshTokenIsNoRotation() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(okJson("{\"access_token\":\"access-x\",\"expires_in\":0,\"token_type\":\"bearer\","
                        + "\"refresh_token\":\"refresh-1\"}")));
        TokenManager manager = manager(Map.of(TicketparkConfig.TOKEN_MAX_ATTEMPTS, "1"));
        assertThat(manager.accessToken()).isEqualTo("access-1");
        clock.advance(Duration.ofSeconds(600));

        MalformedTokenResponseException refused = catchThrowableOfType(MalformedTokenResponseException.class,
                manager::accessToken);

        assertThat(refused.getMessage()).startsWith("TPC0007");
        assertThat(log.records()).noneSatisfy(record -> assertThat(record.getMessage()).startsWith("TPC0023"));
        assertThat(manager.state().refreshToken()).isEqualTo("refresh-1");
        // the attempt has run to its end before refresh-1 gets its next answer
        assertThat(executor.awaitIdle()).isTrue();
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(token("access-2", "refresh-2", 600)));

        assertThat(manager.accessToken()).isEqualTo("access-2");

        assertThat(bodies()).containsExactly(PASSWORD_BODY, REFRESH_1_BODY, REFRESH_1_BODY);
        assertThat(log.records()).noneSatisfy(record -> assertThat(record.getMessage()).startsWith("TPC0023"));
    }

    @Test
    void obtainReturnsTheTokenOfItsOwnAnswer() {
        passwordThenRefresh();
        AtomicReference<TokenState> state = new AtomicReference<>(TokenState.initial(null));
        try (TokenChain chain = chain(state, sleeper)) {

            Token token = chain.obtain(started(7), false);

            assertThat(token.accessToken()).isEqualTo("access-1");
            assertThat(token.request()).isEqualTo(7);
            assertThat(state.get().refreshToken()).isEqualTo("refresh-1");
            assertThat(bodies()).containsExactly(PASSWORD_BODY);
        }
    }

    /** A caller's request that finds a usable token (a late answer came in meanwhile) sends nothing. */
    @Test
    void obtainForACallerReturnsATokenThatCameInMeanwhileWithoutARequest() {
        passwordThenRefresh();
        Token arrived = Token.issued("access-0", Duration.ofSeconds(600), clock.instant(), clock.instant(), null, 1,
                false);
        AtomicReference<TokenState> state = new AtomicReference<>(TokenState.initial("refresh-1").withToken(arrived));
        try (TokenChain chain = chain(state, sleeper)) {

            assertThat(chain.obtain(started(2), false)).isSameAs(arrived);

            assertThat(bodies()).isEmpty();
        }
    }

    /** An answer that arrives during the retry pause ends the request with its token: no second attempt. */
    @Test
    void obtainReturnsATokenThatArrivedDuringTheRetryPause() {
        server.stubFor(tokenRequest("password").willReturn(aResponse().withStatus(503)));
        AtomicReference<TokenState> state = new AtomicReference<>(TokenState.initial(null));
        Token late = Token.issued("access-late", Duration.ofSeconds(600), clock.instant(), clock.instant(), null, 1,
                false);
        Sleeper lateAnswer = delay -> {
            state.updateAndGet(current -> current.withToken(late));
            clock.advance(delay);
        };
        try (TokenChain chain = chain(state, lateAnswer)) {

            assertThat(chain.obtain(started(2), false)).isSameAs(late);

            assertThat(bodies()).containsExactly(PASSWORD_BODY);
        }
    }

    /**
     * An attempt the executor refuses lets go of its refresh token and of its request's sending phase, so that the
     * retry sends the same refresh token.
     */
    @Test
    void attemptRefusedByTheExecutorIsRetriedWithTheSameRefreshToken() {
        server.stubFor(tokenRequest("refresh_token").willReturn(token("access-1", "refresh-2", 600)));
        TokenManager manager = manager(noPassword("refresh-1"));
        executor.failNext(new RejectedExecutionException("pool full"));

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(bodies()).containsExactly(REFRESH_1_BODY);
        assertThat(sleeper.delays()).hasSize(1);
        assertThat(log.withCode("TPC0104")).singleElement()
                .satisfies(record -> assertThat(record.getMessage()).contains("TPC0019"));
        assertThat(log.records()).noneSatisfy(record -> assertThat(record.getMessage()).contains("TPC0025"));
    }

    /** With the password grant and no refresh token, a token inside its skew window is refreshed by the password. */
    @Test
    void tokenWithoutARefreshTokenIsRefreshedAheadOfExpiryByThePassword() {
        server.stubFor(tokenRequest("password")
                .willReturn(okJson("{\"access_token\":\"access-1\",\"expires_in\":600,\"token_type\":\"bearer\"}")));
        TokenManager manager = manager(Map.of());
        assertThat(manager.accessToken()).isEqualTo("access-1");
        server.stubFor(tokenRequest("password")
                .willReturn(okJson("{\"access_token\":\"access-2\",\"expires_in\":600,\"token_type\":\"bearer\"}")));
        clock.advance(Duration.ofSeconds(575)); // inside the skew window

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(executor.awaitIdle()).isTrue();
        assertThat(bodies()).containsExactly(PASSWORD_BODY, PASSWORD_BODY);
        assertThat(manager.accessToken()).isEqualTo("access-2");
    }

    /**
     * A background refresh whose refresh token is rejected, without a password, ends the chain: logged once as the end
     * of the chain (TPC0003), not as a failed background refresh (TPC0009); callers get the end once the token expired.
     */
    @Test
    void rejectedBackgroundRefreshWithoutPasswordIsLoggedAsTheEndOfTheChainOnly() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-0"))
                .willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        TokenManager manager = manager(noPassword("refresh-0"));
        assertThat(manager.accessToken()).isEqualTo("access-1");
        clock.advance(Duration.ofSeconds(575)); // inside the skew window

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(executor.awaitIdle()).isTrue();
        assertThat(log.withCode("TPC0003")).singleElement()
                .satisfies(record -> assertThat(record.getLevel()).isEqualTo(Level.SEVERE));
        assertThat(log.withCode("TPC0009")).isEmpty();
        assertThat(manager.accessToken()).isEqualTo("access-1"); // still valid
        clock.advance(Duration.ofSeconds(30));
        assertThat(catchThrowableOfType(InvalidGrantException.class, manager::accessToken))
                .hasMessageStartingWith("TPC0003");
        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=refresh-0", REFRESH_1_BODY);
    }

    /** A closed manager sends no token request any more. */
    @Test
    void closedManagerSendsNoTokenRequest() {
        passwordThenRefresh();
        TokenManager manager = manager(Map.of());

        manager.close();

        assertThat(catchThrowable(manager::accessToken)).isNotNull();
        assertThat(bodies()).isEmpty();
    }

    @Test
    void managerNamesItsTokenEndpoint() {
        TokenManager manager = manager(Map.of());

        assertThat(manager.toString()).contains("TokenChain[TokenEndpoint[" + server.baseUrl());
    }

    /**
     * Whatever an attempt throws, even a checked exception thrown sneakily (here by the clock, during the adoption of
     * the answer), reaches its caller as TPC0014, which names only its type.
     */
    @Test
    void checkedExceptionInsideAnAttemptReachesTheCallerAsTPC0014() {
        passwordThenRefresh();
        MutableClock failingInAttempts = new MutableClock() {

            @Override
            public Instant instant() {
                if (StackWalker.getInstance()
                        .walk(frames -> frames
                                .anyMatch(frame -> frame.getClassName().endsWith("TokenChain")
                                        && frame.getMethodName().equals("adopt")))) {
                    throw TokenChainTest.<RuntimeException>sneaky(new IOException("refresh-1 was here"));
                }
                return super.instant();
            }
        };
        TokenManager manager = manager(Map.of(), TokenManager.NO_STORE, sleeper, failingInAttempts);

        TicketparkException e = catchThrowableOfType(TicketparkException.class, manager::accessToken);

        assertThat(e.getMessage()).startsWith("TPC0014").contains(IOException.class.getName())
                .doesNotContain("refresh-1");
        assertThat(e.getCause()).isInstanceOf(IOException.class);
        assertThat(bodies()).containsExactly(PASSWORD_BODY);
    }

    /**
     * An Error (or a foreign exception) inside a background refresh is logged by its type only, as a caller's TPC0014
     * names it: its message is not the client's and might quote anything.
     */
    @Test
    void errorInsideABackgroundRefreshIsLoggedByItsTypeOnly() {
        passwordThenRefresh();
        AtomicBoolean failing = new AtomicBoolean();
        MutableClock failingInAttempts = new MutableClock() {

            @Override
            public Instant instant() {
                if (failing.get() && StackWalker.getInstance()
                        .walk(frames -> frames
                                .anyMatch(frame -> frame.getClassName().endsWith("TokenChain")
                                        && frame.getMethodName().equals("adopt")))) {
                    throw new Error("refresh-1 was here");
                }
                return super.instant();
            }
        };
        TokenManager manager = manager(Map.of(), TokenManager.NO_STORE, sleeper, failingInAttempts);
        assertThat(manager.accessToken()).isEqualTo("access-1");
        failing.set(true);
        failingInAttempts.advance(Duration.ofSeconds(575)); // inside the skew window

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(executor.awaitIdle()).isTrue();
        assertThat(log.withCode("TPC0009")).singleElement().satisfies(
                record -> assertThat(LogCapture.formatted(record)).contains(Error.class.getName())
                        .doesNotContain("refresh-1"));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable e) throws T {
        throw (T) e;
    }

    /** A request that has started, for the chain itself, with the default wait of 30 s. */
    private InFlightRequest started(long number) {
        InFlightRequest request = new InFlightRequest(number, clock.instant().plusSeconds(30), false, false);
        assertThat(request.start()).isTrue();
        return request;
    }

    /** A chain on the test's endpoint, clock and executor, with the password grant and jitter off. */
    private TokenChain chain(AtomicReference<TokenState> state, Sleeper pause) {
        TicketparkConfig config = MapConfig.load(server.baseUrl(), Map.of());
        Backoff backoff = new Backoff(config.tokenRetryInitialDelay(), config.tokenRetryMaxDelay(), () -> 1.0);
        return new TokenChain(config, clock, executor, pause, backoff, TokenManager.NO_STORE, state,
                TokenObserver.NONE);
    }

    /** A clock moved by hand that traps the first thread it is armed for, on that thread's next call. */
    private static final class TrapClock extends MutableClock {

        private volatile Predicate<Thread> trap;
        final CountDownLatch inTrap = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        synchronized void arm(Predicate<Thread> threads) {
            trap = threads;
        }

        private synchronized boolean springs() {
            if (trap != null && trap.test(Thread.currentThread())) {
                trap = null;
                return true;
            }
            return false;
        }

        @Override
        public Instant instant() {
            if (trap != null && springs()) {
                inTrap.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS); // a guard against hanging
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.instant();
        }
    }
}
