package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Fixtures.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ch.ticketpark.client.exception.MalformedTokenResponseException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.exception.TokenReissueDeferredException;
import ch.ticketpark.client.exception.TokenRejectedException;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.resilience.Sleeper;
import ch.ticketpark.client.internal.rest.BearerTokenFilter;
import ch.ticketpark.client.internal.rest.TicketparkResponseFilter;
import ch.ticketpark.client.spi.TokenStore;
import ch.ticketpark.client.support.MapConfig;
import ch.ticketpark.client.support.MutableClock;

/**
 * One test per finding of the second adversarial review of the token chain: each sets up what went wrong in the
 * earlier version and shows what a user observes now (the bodies the token endpoint received, what the callers got,
 * what the store saved, what was logged).
 */
class TokenChainSecondReviewTest extends TokenChainTestSupport {

    private static final String REFRESH_1_BODY = "grant_type=refresh_token&refresh_token=refresh-1";

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    /**
     * Finding 1: one refresh token is never sent twice, even when a caller abandons an overdue owner between the
     * answer's arrival and the bookkeeping. The attempt now adopts its answer itself, before it lets go of the refresh
     * token, so the owner's thread no longer reads the clock after the answer: the gap is trapped where it now lies,
     * in the attempt's own adoption (answer read, not yet in the chain, refresh token still on its way).
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
        TokenManager manager = trapManager(noPassword("refresh-1"), trapClock, pause);
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
            assertThat(logged).anySatisfy(record -> assertThat(record.getMessage()).contains("TPC0025"));
            assertThat(manager.state().refreshToken()).isEqualTo("refresh-2");
        } finally {
            trapClock.release.countDown();
            manager.close();
        }
    }

    /**
     * Finding 2: a late answer that arrives during the retry pause ends the foreground request with its token: no
     * second rotation, no failure.
     */
    @Test
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
        assertThat(logged).anySatisfy(record -> assertThat(record.getMessage()).startsWith("TPC0104")
                .contains("TPC0018")); // the first attempt did time out
        assertThat(bodies()).containsExactly(REFRESH_1_BODY);
        assertThat(sent("refresh-2")).isZero();
        assertThat(manager.state().refreshToken()).isEqualTo("refresh-2");
    }

    /** Finding 3: a TokenStore whose load() blocks holds no caller past token-wait-timeout. */
    @Test
    void blockingStoreLoadHoldsNoCallerPastTheWaitTimeout() throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        CountDownLatch unblock = new CountDownLatch(1);
        SavingStore store = new SavingStore(() -> {
            unblock.await(30, TimeUnit.SECONDS);
            return Optional.empty();
        });
        TokenManager manager = manager(Map.of(TicketparkConfig.TOKEN_WAIT_TIMEOUT, "PT1S",
                TicketparkConfig.CONNECT_TIMEOUT, "PT0.3S", TicketparkConfig.READ_TIMEOUT, "PT0.5S"), store);
        try {
            long start = System.nanoTime();
            Future<String> caller = callers.submit(manager::accessToken);

            assertThat(caller.get(5, TimeUnit.SECONDS)).isEqualTo("access-1"); // a guard of a few seconds

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(unblock.getCount()).isEqualTo(1); // load() still blocks
            assertThat(logged).anySatisfy(record -> assertThat(record.getMessage()).startsWith("TPC0027"));
            assertThat(bodies()).containsExactly(PASSWORD_BODY);
        } finally {
            unblock.countDown();
        }
    }

    /** Finding 4: an attempt accepted by the executor but never run does not block its refresh token forever. */
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
        assertThat(logged).noneSatisfy(record -> assertThat(record.getMessage()).contains("TPC0025"));
        executor.release(); // the held attempt, run at last, sends nothing: its caller stopped waiting
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(bodies()).containsExactly(REFRESH_1_BODY);
    }

    /**
     * Finding 5: only the API's own answers end a reissue streak: a gateway's 503 or 429 between a reissued token and
     * its 401 is no acceptance (the next token request is deferred), a 200 is (a new token is obtained at once).
     */
    @Test
    void onlyTheApisOwnAnswersEndAReissueStreak() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(token("access-2", "refresh-2", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-2"))
                .willReturn(token("access-3", "refresh-3", 600)));

        for (int gateway : new int[]{503, 429}) {
            TokenManager manager = manager(Map.of());
            String reissued = reissue(manager);

            filter(manager, reissued, gateway);
            filter(manager, reissued, 401);

            assertThat(catchThrowable(manager::accessToken)).as("after HTTP %s", gateway)
                    .isInstanceOf(TokenReissueDeferredException.class).hasMessageStartingWith("TPC0016");
        }
        assertThat(sent("refresh-2")).isZero();

        TokenManager manager = manager(Map.of());
        String reissued = reissue(manager);

        filter(manager, reissued, 200);
        filter(manager, reissued, 401);

        assertThat(manager.accessToken()).isEqualTo("access-3");
        assertThat(sent("refresh-2")).isEqualTo(1);
    }

    /**
     * Finding 6a: a save accepted by the executor but never run is made by close(): the store holds the newest refresh
     * token.
     */
    @Test
    void saveAcceptedButNeverRunIsMadeAtClose() throws Exception {
        SavingStore store = new SavingStore(Optional::empty);
        TokenManager manager = rotateWithTheSaveHeld(store, executor::hold);

        manager.close();

        assertThat(store.saved).containsExactly("refresh-1", "refresh-2");
        executor.release(); // the held save, run at last, finds the newest saved already
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(store.saved).containsExactly("refresh-1", "refresh-2");
    }

    /** Finding 6b: a save accepted by the executor but never run is handed over again a minute later. */
    @Test
    void saveAcceptedButNeverRunIsHandedOverAgainLater() throws Exception {
        SavingStore store = new SavingStore(Optional::empty);
        TokenManager manager = rotateWithTheSaveHeld(store, () -> executor.holdNext(1));
        clock.advance(Duration.ofSeconds(61));

        assertThat(manager.accessToken()).isEqualTo("access-2");

        assertThat(executor.awaitIdle()).isTrue();
        assertThat(store.saved).containsExactly("refresh-1", "refresh-2");
        assertThat(executor.held()).isEqualTo(1); // the first hand-over never ran
    }

    /**
     * Finding 7: a refused answer that carries the refresh token that was sent (a server that does not rotate) logs
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
        assertThat(logged).noneSatisfy(record -> assertThat(record.getMessage()).startsWith("TPC0023"));
        assertThat(manager.state().refreshToken()).isEqualTo("refresh-1");
        // the attempt lets go of refresh-1 only after its caller got the refusal: see the test after this one
        assertThat(executor.awaitIdle()).isTrue();
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(token("access-2", "refresh-2", 600)));

        assertThat(manager.accessToken()).isEqualTo("access-2");

        assertThat(bodies()).containsExactly(PASSWORD_BODY, REFRESH_1_BODY, REFRESH_1_BODY);
        assertThat(logged).noneSatisfy(record -> assertThat(record.getMessage()).startsWith("TPC0023"));
    }

    /**
     * New finding, not in the review: a failed attempt completes its caller's outcome before it lets go of its refresh
     * token (TokenChain.Attempt.run: outcome.completeExceptionally, then release() in finally), so a retry that follows
     * at once (here the backoff pause takes no real time) finds the token still "on its way" and is refused with
     * TPC0025 instead of being sent. Repeated, because it is a race; each run should send refresh-1 four times.
     */
    @Test
    void failedAttemptLetsGoOfItsRefreshTokenBeforeItsCallerRetries() {
        server.stubFor(tokenRequest("refresh_token").willReturn(aResponse().withStatus(503)));
        for (int run = 1; run <= 30; run++) {
            server.resetRequests();
            logged.clear();
            TokenManager manager = manager(noPassword("refresh-1"));

            Throwable failure = catchThrowable(manager::accessToken);

            assertThat(failure).isInstanceOf(TokenEndpointUnavailableException.class);
            assertThat(sent("refresh-1")).as("run %s: refresh-1 sent, retries refused: %s", run, failure.getMessage())
                    .isEqualTo(4);
            assertThat(logged).noneSatisfy(record -> assertThat(record.getMessage()).contains("TPC0025"));
            assertThat(executor.awaitIdle()).isTrue();
        }
    }

    /**
     * Finding 8: the reissue deferral applies only to a reissued token: a regular token rejected, then the wall clock
     * stepped back 5 s, and the next call obtains a token.
     */
    @Test
    void rejectedRegularTokenIsReplacedAfterTheClockSteppedBack() throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(token("access-2", "refresh-2", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-2"))
                .willReturn(token("access-3", "refresh-3", 600)));
        // two rotations stubbed, no more: a caller that keeps asking ends at refresh-3's HTTP 404, not in a hang
        TokenManager manager = manager(Map.of());
        manager.invalidate(manager.accessToken()); // a regular token, rejected: no reissue interval
        clock.advance(Duration.ofSeconds(-5)); // NTP steps the wall clock back

        Future<String> next = callers.submit(manager::accessToken);
        Object outcome;
        try {
            outcome = next.get(5, TimeUnit.SECONDS); // a guard against a loop that never ends
        } catch (ExecutionException e) {
            outcome = e.getCause();
        } catch (TimeoutException e) {
            next.cancel(true); // the interrupt ends the caller's loop
            outcome = "no answer within 5 s";
        }

        assertThat(outcome).as("the next call, after %s token requests", bodies().size()).isEqualTo("access-2");
        assertThat(bodies()).containsExactly(PASSWORD_BODY, REFRESH_1_BODY);
    }

    /** The first token, rejected through the response filter, then the reissued token. */
    private static String reissue(TokenManager manager) {
        String first = manager.accessToken();
        filter(manager, first, 401);
        String reissued = manager.accessToken();
        assertThat(reissued).isNotEqualTo(first);
        assertThat(manager.state().token().reissue()).isTrue();
        return reissued;
    }

    /** The response filter sees an answer with this status to a request that carried this token. */
    private static void filter(TokenManager manager, String accessToken, int status) {
        TicketparkResponseFilter filter = new TicketparkResponseFilter(() -> manager);
        ClientRequestContext request = stub(ClientRequestContext.class, Map.of("getHeaderString",
                args -> HttpHeaders.AUTHORIZATION.equals(args[0]) ? BearerTokenFilter.BEARER + accessToken : null,
                "getMethod", args -> "GET", "getUri", args -> URI.create(server.baseUrl() + "/events/")));
        MultivaluedHashMap<String, String> headers = new MultivaluedHashMap<>();
        ClientResponseContext response = stub(ClientResponseContext.class, Map.of("getStatus", args -> status,
                "getHeaders", args -> headers, "hasEntity", args -> false));
        Throwable thrown = catchThrowable(() -> filter.filter(request, response));
        if (status == 401) {
            assertThat(thrown).isInstanceOf(TokenRejectedException.class);
        } else {
            assertThat(thrown).isNull();
        }
    }

    @FunctionalInterface
    private interface Answer {

        Object answer(Object[] args);
    }

    /** A hand-written stub of an interface: the given methods answer, any other throws. */
    private static <T> T stub(Class<T> type, Map<String, Answer> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            Answer answer = answers.get(method.getName());
            if (answer != null) {
                return answer.answer(args);
            }
            if (method.getName().equals("toString")) {
                return type.getSimpleName() + " stub";
            }
            throw new UnsupportedOperationException(method.getName());
        }));
    }

    /**
     * A token from the password grant (saved), then a rotation whose save the executor accepts but does not run:
     * {@code holdTheSave} is called while the rotation's answer is on its way, so only the save is held.
     */
    private TokenManager rotateWithTheSaveHeld(SavingStore store, Runnable holdTheSave) throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(token("access-2", "refresh-2", 600).withFixedDelay(500)));
        TokenManager manager = manager(Map.of(), store);
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(store.saved).containsExactly("refresh-1");
        clock.advance(Duration.ofSeconds(600));

        Future<String> rotation = callers.submit(manager::accessToken);
        awaitSent(2); // the attempt runs; its answer, and the save it hands over, come 500 ms later
        holdTheSave.run();

        assertThat(rotation.get(10, TimeUnit.SECONDS)).isEqualTo("access-2");
        assertThat(executor.held()).isEqualTo(1); // the save, accepted and not run
        assertThat(store.saved).containsExactly("refresh-1");
        return manager;
    }

    /** A manager on its own clock (the support's managers share the {@link MutableClock}). */
    private TokenManager trapManager(Map<String, String> overrides, Clock ownClock, Sleeper pause) {
        Map<String, String> properties = new HashMap<>(MapConfig.valid(server.baseUrl()));
        properties.putAll(overrides);
        properties.values().removeIf(String::isEmpty);
        return new TokenManager(TicketparkConfig.load(new MapConfig(properties)), ownClock, executor, pause,
                () -> 1.0, TokenManager.NO_STORE);
    }

    @FunctionalInterface
    private interface Load {

        Optional<String> load() throws Exception;
    }

    /** A store whose load is scripted and that records its saves. */
    private static final class SavingStore implements TokenStore {

        private final Load load;
        final List<String> saved = new CopyOnWriteArrayList<>();

        SavingStore(Load load) {
            this.load = load;
        }

        @Override
        public Optional<String> load() {
            try {
                return load.load();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void save(String refreshToken) {
            saved.add(refreshToken);
        }
    }

    /** A clock moved by hand that traps the first thread it is armed for, on that thread's next call. */
    private static final class TrapClock extends Clock {

        private volatile Instant now = Instant.parse("2026-11-29T12:00:00Z");
        private volatile Predicate<Thread> trap;
        final CountDownLatch inTrap = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        void advance(Duration duration) {
            now = now.plus(duration);
        }

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
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
