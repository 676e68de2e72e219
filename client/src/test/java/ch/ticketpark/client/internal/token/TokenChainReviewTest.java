package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.oauthError;
import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Fixtures.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ch.ticketpark.client.exception.InvalidGrantException;
import ch.ticketpark.client.exception.MalformedTokenResponseException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.resilience.Sleeper;
import ch.ticketpark.client.spi.TokenStore;

/**
 * One test per finding of the adversarial review of the token chain: each reproduces what went wrong in the earlier
 * version and shows what a user observes now (the bodies the token endpoint received, what the caller got, what the
 * store saved, what was logged).
 */
class TokenChainReviewTest extends TokenChainTestSupport {

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    /** Finding 1: a refresh token is never sent again while an earlier attempt with it is still on its way. */
    @Test
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

    /** Finding 2: a TokenStore whose save() blocks holds neither the owner of the request nor a caller joining it. */
    @Test
    void blockingSaveHoldsNeitherTheOwnerNorAJoiner() throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600).withFixedDelay(1_000)));
        CountDownLatch saving = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingStore store = new RecordingStore(load -> Optional.empty());
        store.onSave = refreshToken -> {
            saving.countDown();
            release.await();
        };
        TokenManager manager = manager(Map.of(), store);
        try {
            Future<String> owner = callers.submit(manager::accessToken);
            awaitSent(1); // the owner's request is on its way: the next caller joins it
            Future<String> joiner = callers.submit(manager::accessToken);

            assertThat(owner.get(5, TimeUnit.SECONDS)).isEqualTo("access-1");
            assertThat(joiner.get(5, TimeUnit.SECONDS)).isEqualTo("access-1");
            assertThat(saving.await(5, TimeUnit.SECONDS)).isTrue(); // save() was called and still blocks
            assertThat(release.getCount()).isEqualTo(1);
            assertThat(store.saved).isEmpty();
            assertThat(bodies()).hasSize(1);
        } finally {
            release.countDown();
        }
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(store.saved).containsExactly("refresh-1");
    }

    /** Finding 3a: callers whose threads are interrupted do not open the circuit breaker for everybody else. */
    @Test
    void interruptedCallersDoNotOpenTheCircuitBreaker() throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        TokenManager manager = manager(Map.of(), TokenManager.NO_STORE);
        executor.hold(); // no attempt gets a thread: the callers wait until they are interrupted

        for (int i = 0; i < 3; i++) { // as many as the breaker's threshold: interrupted before the call
            Thread.currentThread().interrupt();
            Throwable failure = catchThrowable(manager::accessToken);
            assertThat(Thread.interrupted()).isTrue();
            assertThat(failure).isInstanceOf(TokenEndpointUnavailableException.class).hasMessageContaining("TPC0017");
        }
        for (int i = 0; i < 3; i++) { // and interrupted while their attempt waits for a thread
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread caller = new Thread(() -> outcome.complete(catchThrowable(manager::accessToken)));
            caller.start();
            awaitHeld(i + 1);
            caller.interrupt();
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(TokenEndpointUnavailableException.class)
                    .hasMessageContaining("TPC0017");
        }
        executor.release();
        assertThat(executor.awaitIdle()).isTrue();

        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(bodies()).containsExactly(PASSWORD_BODY); // the abandoned attempts sent nothing
    }

    /** Finding 3b: an interrupt during the pause before a retry is reported as an interrupt, not as the failure. */
    @Test
    void interruptDuringTheBackoffPauseIsReportedAsAnInterrupt() {
        server.stubFor(tokenRequest("password").willReturn(aResponse().withStatus(503)));
        Sleeper interrupted = delay -> {
            throw new InterruptedException();
        };
        TokenManager manager = manager(Map.of(), TokenManager.NO_STORE, interrupted);

        TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                manager::accessToken);

        assertThat(Thread.interrupted()).isTrue(); // the interrupt status is kept for the caller
        assertThat(e.getMessage()).contains("TPC0017").doesNotContain("TPC0005");
        assertThat(bodies()).hasSize(1);
    }

    /** Finding 4: a store that cannot be read when the refresh token is rejected is not the end of the chain. */
    @Test
    void unreadableStoreAfterARejectionIsNotTheEndOfTheChain() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-c"))
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-s"))
                .willReturn(token("access-1", "refresh-2", 600)));
        RecordingStore store = new RecordingStore(load -> {
            if (load <= 2) {
                throw new IllegalStateException("database blip");
            }
            return Optional.of("refresh-s");
        });
        TokenManager manager = manager(noPassword("refresh-c"), store);

        TokenEndpointUnavailableException first = catchThrowableOfType(TokenEndpointUnavailableException.class,
                manager::accessToken);

        assertThat(first.getMessage()).startsWith("TPC0026");
        assertThat(manager.state().dead()).isNull();
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=refresh-c",
                "grant_type=refresh_token&refresh_token=refresh-s");
        assertThat(logged).noneSatisfy(record -> assertThat(record.getMessage()).startsWith("TPC0003"));
    }

    /** Finding 5: the store's refresh token is not adopted again after this client spent it. */
    @Test
    void storedRefreshTokenThisClientSpentIsNotSentAgain() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-0"))
                .willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        RecordingStore store = new RecordingStore(load -> Optional.of("refresh-0"));
        store.onSave = refreshToken -> {
            throw new IllegalStateException("database down");
        };
        TokenManager manager = manager(noPassword("refresh-c"), store);
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(executor.awaitIdle()).isTrue(); // the failed save ran: the store still holds refresh-0
        clock.advance(Duration.ofSeconds(601));

        InvalidGrantException e = catchThrowableOfType(InvalidGrantException.class, manager::accessToken);

        assertThat(e.getMessage()).startsWith("TPC0003");
        assertThat(sent("refresh-0")).isEqualTo(1);
        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=refresh-0",
                "grant_type=refresh_token&refresh_token=refresh-1");
    }

    /** Finding 6: a 200 answer labelled text/html whose JSON body holds a refresh token is refused, the token kept. */
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
        RecordingStore store = new RecordingStore(load -> Optional.empty());
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

    /** Finding 7: a checked exception thrown sneakily from save() neither fails the caller nor leaves a request. */
    @Test
    void checkedExceptionFromSaveIsHandledLikeAnyFailedSave() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        RecordingStore store = new RecordingStore(load -> Optional.empty());
        store.onSave = refreshToken -> {
            throw new IOException("disk full"); // checked, undeclared: a Kotlin or Lombok @SneakyThrows store
        };
        TokenManager manager = manager(Map.of(), store);

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(executor.awaitIdle()).isTrue(); // saves run on the executor
        assertThat(manager.inFlight()).isNull();
        assertThat(manager.state().saveRetryAt()).isNotNull();
        assertThat(logged).anySatisfy(record -> assertThat(record.getMessage()).startsWith("TPC0112")
                .contains(IOException.class.getName()).doesNotContain("refresh-1"));
        assertThat(manager.accessToken()).isEqualTo("access-1");
    }

    /** Finding 8: the dead-chain exception is a fresh instance for every caller, the first one included. */
    @Test
    void deadChainExceptionIsFreshForEveryCallerIncludingTheFirst() {
        server.stubFor(tokenRequest("refresh_token")
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        TokenManager manager = manager(noPassword("refresh-1"), TokenManager.NO_STORE);

        InvalidGrantException first = catchThrowableOfType(InvalidGrantException.class, manager::accessToken);
        InvalidGrantException second = catchThrowableOfType(InvalidGrantException.class, manager::accessToken);

        InvalidGrantException dead = manager.state().dead();
        assertThat(dead).isNotNull();
        assertThat(first).isNotSameAs(dead).hasMessageStartingWith("TPC0003");
        assertThat(first.getCause()).isSameAs(dead);
        assertThat(second).isNotSameAs(dead).isNotSameAs(first).hasMessage(first.getMessage());
        assertThat(second.getCause()).isSameAs(dead);
        assertThat(bodies()).hasSize(1);
    }

    /** Finding 9: the owner of a request gets no token whose request was sent before the API rejected a token. */
    @Test
    void ownerDoesNotGetATokenRequestedBeforeTheRejection() throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(token("access-2", "refresh-2", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-2"))
                .willReturn(token("access-3", "refresh-3", 600)));
        TokenManager manager = manager(Map.of(), TokenManager.NO_STORE);
        String old = manager.accessToken();
        clock.advance(Duration.ofSeconds(601)); // expired: the next caller owns the refresh
        executor.hold();
        Future<String> owner = callers.submit(manager::accessToken);
        awaitHeld(1); // the owner's attempt is about to be sent
        clock.advance(Duration.ofSeconds(1));

        manager.invalidate(old); // a late 401 for the old token, after the refresh was requested
        executor.release();

        assertThat(owner.get(10, TimeUnit.SECONDS)).isNotEqualTo("access-2").isEqualTo("access-3");
        assertThat(bodies()).doesNotHaveDuplicates().containsExactly(PASSWORD_BODY,
                "grant_type=refresh_token&refresh_token=refresh-1",
                "grant_type=refresh_token&refresh_token=refresh-2");
    }

    /**
     * Finding 10: a late answer for a refresh token the chain has moved past cannot overwrite the newer chain. The
     * review's sequence (the retry of RT1 gets invalid_grant while RT1's first attempt is still on its way) can no
     * longer happen: finding 1's fix never sends RT1 again while its first attempt is on its way. So the chain moves
     * past RT1 another way while its answer trickles in: the store, unreadable at the first need, holds refresh-s,
     * which is rejected; the password grant gives access-P/refresh-P; then RT1's late answer arrives.
     */
    @Test
    void lateAnswerForARefreshTokenThatWasPassedCannotOverwriteANewerChain() throws Exception {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(token("access-L", "refresh-L", 600).withChunkedDribbleDelay(10, 4_000)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-s"))
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        server.stubFor(tokenRequest("password").willReturn(token("access-P", "refresh-P", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-P"))
                .willReturn(token("access-Q", "refresh-Q", 600)));
        RecordingStore store = new RecordingStore(load -> {
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
        assertThat(logged).anySatisfy(record -> assertThat(record.getMessage()).startsWith("TPC0022"));

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
        // the review's own sequence, which no request can reach any more, at the level of the state: once the
        // password grant has replaced the rejected refresh token, an answer for the rejected one is not accepted
        TokenState rejected = TokenState.initial("refresh-1").withRefreshTokenRejected(null);
        assertThat(rejected.accepts("refresh-1")).isTrue(); // before: a late answer is the chain's only way on
        assertThat(rejected.withRefreshToken("refresh-P").accepts("refresh-1")).isFalse();
    }

    /** Waits until the executor holds this many tasks; a guard against hanging, not a timing. */
    private void awaitHeld(int tasks) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (executor.held() < tasks) {
            assertThat(System.nanoTime()).isLessThan(end);
            Thread.onSpinWait();
        }
    }

    /** What a store's save does: may block, may throw anything (checked exceptions included). */
    @FunctionalInterface
    private interface SaveAction {

        void save(String refreshToken) throws Exception;
    }

    /** A store whose loads are scripted by their number (1, 2, …) and that records its successful saves. */
    private static final class RecordingStore implements TokenStore {

        private final IntFunction<Optional<String>> loads;
        private final AtomicInteger loaded = new AtomicInteger();
        final List<String> saved = new CopyOnWriteArrayList<>();
        volatile SaveAction onSave = refreshToken -> {
        };

        RecordingStore(IntFunction<Optional<String>> loads) {
            this.loads = loads;
        }

        @Override
        public Optional<String> load() {
            return loads.apply(loaded.incrementAndGet());
        }

        @Override
        public void save(String refreshToken) {
            try {
                onSave.save(refreshToken);
            } catch (Exception e) {
                throw RecordingStore.<RuntimeException>sneaky(e);
            }
            saved.add(refreshToken);
        }

        @SuppressWarnings("unchecked")
        private static <T extends Throwable> T sneaky(Throwable e) throws T {
            throw (T) e;
        }
    }
}
