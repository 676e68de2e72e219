package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.PASSWORD;
import static ch.ticketpark.client.support.Fixtures.SECRETS;
import static ch.ticketpark.client.support.Fixtures.TOKEN_PATH;
import static ch.ticketpark.client.support.Fixtures.USERNAME;
import static ch.ticketpark.client.support.Fixtures.oauthError;
import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Fixtures.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import ch.ticketpark.client.exception.InvalidClientException;
import ch.ticketpark.client.exception.InvalidGrantException;
import ch.ticketpark.client.exception.OAuthErrorException;
import ch.ticketpark.client.exception.TokenEndpointCircuitOpenException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.resilience.CircuitBreaker;
import ch.ticketpark.client.internal.resilience.Sleeper;
import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.support.RealTime;

/**
 * How a {@link TokenManager} copes with a failing token endpoint: retries with exponential backoff and full jitter,
 * {@code Retry-After}, the bound on each caller's wait, the circuit breaker, interrupts and an executor that refuses
 * work. Every delay is recorded instead of slept.
 */
class TokenManagerResilienceTest extends TokenManagerTestSupport {

    @Test
    void droppedConnectionIsRetriedAndTheCallerGetsTheToken() {
        failTwiceThen(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(manager(Map.of()).accessToken()).isEqualTo("access-1");

        assertThat(tokenRequests()).hasSize(3);
        assertThat(sleeper.delays()).hasSize(2);
    }

    @Test
    void refusedConnectionIsRetriedUpToTheMaximumAttempts() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TokenManager manager = manager(Map.of(TicketparkConfig.TOKEN_URL, "http://localhost:" + closedPort + "/t"));

        TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                manager::accessToken);

        assertThat(e.attempts()).isEqualTo(4);
        assertThat(e.getMessage()).startsWith("TPC0101").contains("4 attempts", "TPC0006");
        assertThat(e.getCause()).hasMessageStartingWith("TPC0006");
        assertThat(sleeper.delays()).hasSize(3);
    }

    @Test
    @RealTime
    void connectTimeoutIsRetried() throws Exception {
        // a listening socket whose accept queue is full: the kernel drops further SYNs, so connecting times out
        try (ServerSocket full = new ServerSocket(0, 1)) {
            List<java.net.Socket> queued = new ArrayList<>();
            try {
                while (queued.size() < 50) {
                    java.net.Socket socket = new java.net.Socket();
                    try {
                        socket.connect(full.getLocalSocketAddress(), 200);
                    } catch (java.net.SocketTimeoutException e) {
                        socket.close();
                        break; // full
                    }
                    queued.add(socket);
                }
                assertThat(queued).as("the accept queue fills up").hasSizeLessThan(50);
                TokenManager manager = manager(Map.of(TicketparkConfig.TOKEN_URL,
                        "http://localhost:" + full.getLocalPort() + "/t", TicketparkConfig.CONNECT_TIMEOUT, "PT0.5S",
                        TicketparkConfig.TOKEN_MAX_ATTEMPTS, "2"));

                long start = System.nanoTime();
                TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                        manager::accessToken);
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(e.attempts()).isEqualTo(2);
                assertThat(e.getMessage()).startsWith("TPC0101").contains("2 attempts", "TPC0006");
                assertThat(e.getCause()).hasMessageStartingWith("TPC0006")
                        .hasMessageMatching("(?is).*connect.*timed out.*");
                assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(500));
                // two connect timeouts of 0.5 s, far from the 10 s read timeout
                assertThat(took).isBetween(Duration.ofMillis(950), Duration.ofSeconds(5));
            } finally {
                for (java.net.Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }

    @Test
    @RealTime
    void readTimeoutIsRetried() {
        // an answer 60 s late can only fail by the timeout; the third answer, at once, has 2 s to spare for a GC pause
        failTwiceThen(token("slow", "slow", 600).withFixedDelay(60_000));

        assertThat(manager(Map.of(TicketparkConfig.READ_TIMEOUT, "PT2S")).accessToken()).isEqualTo("access-1");

        assertThat(tokenRequests()).hasSize(3);
        assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 429})
    void serverErrorsAreRetriedWithExponentialBackoff(int status) {
        failTwiceThen(aResponse().withStatus(status));

        assertThat(manager(Map.of()).accessToken()).isEqualTo("access-1");

        // random() is 1.0 here: the delays are the ceilings 0.5 s, 1 s
        assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void temporarilyUnavailableIsRetriedEvenAsHttp400() {
        failTwiceThen(oauthError(400, "temporarily_unavailable", "Maintenance"));

        assertThat(manager(Map.of()).accessToken()).isEqualTo("access-1");

        assertThat(tokenRequests()).hasSize(3);
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        failTwiceThen(aResponse().withStatus(503).withHeader("Retry-After", "7"));

        manager(Map.of()).accessToken();

        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() {
        String in4s = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(clock.instant().plusSeconds(4).atOffset(ZoneOffset.UTC));
        failTwiceThen(aResponse().withStatus(503).withHeader("Retry-After", in4s));

        manager(Map.of()).accessToken();

        // the second date lies in the past by then: no longer than the backoff
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(1));
    }

    @Test
    void retryAfterBeyondTheMaximumDelayEndsTheRequest() {
        server.stubFor(tokenRequest("password").willReturn(aResponse().withStatus(503).withHeader("Retry-After",
                "3600")));

        TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                manager(Map.of())::accessToken);

        assertThat(e.retryAfter()).contains(Duration.ofHours(1));
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(sleeper.delays()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"invalid_client, TPC0100", "invalid_grant, TPC0004", "invalid_request, TPC0002",
            "unauthorized_client, TPC0002"})
    void oauthErrorsAreNeverRetried(String error, String code) {
        server.stubFor(tokenRequest("password").willReturn(oauthError(400, error, "no")));

        OAuthErrorException e = catchThrowableOfType(OAuthErrorException.class, manager(Map.of())::accessToken);

        assertThat(e).isNotNull().hasMessageStartingWith(code);
        assertThat(e.error()).isEqualTo(error);
        assertThat(tokenRequests()).hasSize(1);
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void retriesEndWithinTheWaitTimeout() {
        server.stubFor(tokenRequest("password").willReturn(aResponse().withStatus(503)));
        // each attempt may take 2 s (connect + read), the callers wait 5 s: delays 1 s, 2 s fit, 4 s would not
        TokenManager manager = manager(Map.of(TicketparkConfig.CONNECT_TIMEOUT, "PT1S",
                TicketparkConfig.READ_TIMEOUT, "PT1S", TicketparkConfig.TOKEN_WAIT_TIMEOUT, "PT5S",
                TicketparkConfig.TOKEN_MAX_ATTEMPTS, "10", TicketparkConfig.TOKEN_RETRY_INITIAL_DELAY, "PT1S"));

        TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                manager::accessToken);

        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.getMessage()).startsWith("TPC0101").contains("3 attempts in PT3S");
    }

    @Test
    void retryAfterPastTheWaitBoundEndsTheRequestAndTheCallerGetsIt() {
        // 25 s is within token-retry-max-delay (60 s here), but 25 s + one attempt (15 s) is past the 30 s wait
        server.stubFor(tokenRequest("password").willReturn(aResponse().withStatus(503).withHeader("Retry-After",
                "25")));
        TokenManager manager = manager(Map.of(TicketparkConfig.TOKEN_RETRY_MAX_DELAY, "PT60S"));

        TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                manager::accessToken);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(25));
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(tokenRequests()).hasSize(1);
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void callersWaitingDuringRetriesAllGetTheOneToken() throws Exception {
        failTwiceThen(aResponse().withStatus(503));
        List<Thread> callerThreads = new CopyOnWriteArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(50, task -> {
            Thread thread = new Thread(task);
            callerThreads.add(thread);
            return thread;
        });
        // each retry delay lasts until all other callers wait for the one request: the retries are seen to be shared
        List<Integer> waitingDuringDelay = new CopyOnWriteArrayList<>();
        Sleeper untilAllWait = delay -> {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (waitingOthers(callerThreads) < 49 && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            waitingDuringDelay.add(waitingOthers(callerThreads));
            sleeper.sleep(delay);
        };
        TokenManager manager = manager(Map.of(), TokenManager.NO_STORE, untilAllWait);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                futures.add(callers.submit(() -> {
                    start.await();
                    return manager.accessToken();
                }));
            }
            start.countDown();
            for (Future<String> future : futures) {
                assertThat(future.get(30, TimeUnit.SECONDS)).isEqualTo("access-1");
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(waitingDuringDelay).containsExactly(49, 49);
        assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(tokenRequests()).hasSize(3);
    }

    @Test
    @RealTime
    void callerWaitsNoLongerThanTheWaitTimeout() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        TokenManager manager = manager(Map.of(TicketparkConfig.CONNECT_TIMEOUT, "PT0.5S",
                TicketparkConfig.READ_TIMEOUT, "PT0.5S", TicketparkConfig.TOKEN_WAIT_TIMEOUT, "PT1S"));
        executor.hold(); // the attempt never gets a thread: only the bound can end the caller's wait

        long start = System.nanoTime();
        TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                manager::accessToken);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.getMessage()).startsWith("TPC0018").contains("PT1S", "ticketpark.token-wait-timeout");
        // the wait is measured: at least the bound, and not past it by more than a loaded machine's slack
        assertThat(waited).isBetween(Duration.ofMillis(950), Duration.ofMillis(1_900));
        // an attempt that got its thread after its caller stopped waiting is never sent
        executor.release();
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(tokenRequests()).isEmpty();
    }

    /**
     * The README's row "request outlasts the wait": a caller that joined a token request waits at most
     * {@code token-wait-timeout}, measured on the monotonic clock, and then gets {@code TPC0008}, while the request
     * goes on for its owner. With a wall clock that keeps going, a joined request ends by its own deadline, before the
     * joiner's (it started earlier), and the joiner gets the request's own error; here the wall clock steps back an
     * hour (an NTP correction) once the request is on its way, so that the request's deadline, on the wall clock, lies
     * an hour ahead and it keeps retrying the slow endpoint.
     */
    @Test
    @RealTime
    void aCallerWhoseJoinedRequestOutlastsTheWaitGetsTheWaitTimeoutAfterThatTime() throws Exception {
        // slower than the read timeout: each attempt fails after 0.5 s, and no late answer comes
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600).withFixedDelay(2_000)));
        TokenManager manager = manager(Map.of(TicketparkConfig.CONNECT_TIMEOUT, "PT0.5S",
                TicketparkConfig.READ_TIMEOUT, "PT0.5S", TicketparkConfig.TOKEN_WAIT_TIMEOUT, "PT1S",
                TicketparkConfig.TOKEN_MAX_ATTEMPTS, "8"));
        ExecutorService owners = Executors.newSingleThreadExecutor();
        try {
            Future<TokenEndpointUnavailableException> owner = owners.submit(
                    () -> catchThrowableOfType(TokenEndpointUnavailableException.class, manager::accessToken));
            // the first attempt is handed to its thread (WireMock journals a request only once it has answered it)
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (executor.executed() == 0) {
                assertThat(System.nanoTime()).isLessThan(end);
                Thread.onSpinWait();
            }
            clock.advance(Duration.ofHours(-1));

            long start = System.nanoTime();
            TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                    manager::accessToken);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            assertThat(e).isExactlyInstanceOf(TokenEndpointUnavailableException.class)
                    .hasMessage("TPC0008: No Ticketpark access token could be obtained within PT1S "
                            + "(ticketpark.token-wait-timeout)");
            // at least the bound, and not past it by more than a loaded machine's slack (the request runs ~4 s)
            assertThat(waited).isBetween(Duration.ofMillis(950), Duration.ofMillis(2_500));
            assertThat(manager.inFlight()).as("the request outlasts the wait").isNotNull();
            // its owner gets the request's own error once its 8 attempts are spent
            TokenEndpointUnavailableException own = owner.get(30, TimeUnit.SECONDS);
            assertThat(own.getMessage()).startsWith("TPC0101").contains("8 attempts");
            // WireMock journals each of them once its 2-second delay is over
            long journaled = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (tokenRequests().size() < 8 && System.nanoTime() < journaled) {
                Thread.sleep(50);
            }
            assertThat(tokenRequests()).hasSize(8);
        } finally {
            owners.shutdownNow();
        }
    }

    @Test
    void breakerOpensAfterConsecutiveFailuresFailsFastAndRecoversAfterOneProbe() {
        server.stubFor(tokenRequest("password").willReturn(aResponse().withStatus(503)));
        TokenManager manager = manager(Map.of(TicketparkConfig.TOKEN_MAX_ATTEMPTS, "1"));

        for (int i = 0; i < 3; i++) {
            assertThat(catchThrowableOfType(TokenEndpointUnavailableException.class, manager::accessToken))
                    .isNotInstanceOf(TokenEndpointCircuitOpenException.class);
        }
        TokenEndpointCircuitOpenException open = catchThrowableOfType(TokenEndpointCircuitOpenException.class,
                manager::accessToken);
        assertThat(open.openUntil()).isEqualTo(clock.instant().plusSeconds(30));
        assertThat(open.consecutiveFailures()).isEqualTo(3);
        assertThat(open.attempts()).isZero();
        assertThat(open.getCause()).isInstanceOf(TokenEndpointUnavailableException.class);
        assertThat(open.getMessage()).startsWith("TPC0102").contains("TPC0005", "HTTP 503");
        assertThat(tokenRequests()).hasSize(3);

        clock.advance(Duration.ofSeconds(29));
        catchThrowableOfType(TokenEndpointCircuitOpenException.class, manager::accessToken);
        assertThat(tokenRequests()).hasSize(3);

        clock.advance(Duration.ofSeconds(1));
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(tokenRequests()).hasSize(4);
    }

    @Test
    void failedProbeIsOneAttemptAndOpensTheBreakerAgain() {
        server.stubFor(tokenRequest("password").willReturn(aResponse().withStatus(503)));
        TokenManager manager = manager(Map.of(TicketparkConfig.CIRCUIT_BREAKER_FAILURES, "1"));
        catchThrowableOfType(TokenEndpointUnavailableException.class, manager::accessToken);
        int afterFirst = tokenRequests().size();
        assertThat(afterFirst).isEqualTo(4);

        clock.advance(Duration.ofSeconds(30));
        assertThat(catchThrowableOfType(TokenEndpointUnavailableException.class, manager::accessToken))
                .isNotInstanceOf(TokenEndpointCircuitOpenException.class);
        assertThat(tokenRequests()).hasSize(afterFirst + 1);
        assertThat(catchThrowableOfType(TokenEndpointCircuitOpenException.class, manager::accessToken).openUntil())
                .isEqualTo(clock.instant().plusSeconds(30));
    }

    @Test
    void breakerOpensOnRepeatedWrongClientCredentialsAndKeepsTheirType() {
        server.stubFor(tokenRequest("password").willReturn(oauthError(400, "invalid_client", "Bad client")));
        TokenManager manager = manager(Map.of());

        for (int i = 0; i < 3; i++) {
            catchThrowableOfType(InvalidClientException.class, manager::accessToken);
        }
        TokenEndpointCircuitOpenException open = catchThrowableOfType(TokenEndpointCircuitOpenException.class,
                manager::accessToken);

        assertThat(open.getCause()).isInstanceOf(InvalidClientException.class);
        assertThat(tokenRequests()).hasSize(3);
    }

    @Test
    void wrongPasswordOpensTheBreakerToProtectTheAccountAndASuccessClosesIt() {
        server.stubFor(tokenRequest("password").willReturn(oauthError(400, "invalid_grant", "Invalid credentials")));
        TokenManager manager = manager(Map.of(TicketparkConfig.TOKEN_MAX_ATTEMPTS, "1"));

        for (int i = 0; i < 3; i++) {
            assertThat(catchThrowableOfType(InvalidGrantException.class, manager::accessToken))
                    .hasMessageStartingWith("TPC0004");
        }
        TokenEndpointCircuitOpenException open = catchThrowableOfType(TokenEndpointCircuitOpenException.class,
                manager::accessToken);
        assertThat(open.getCause()).isInstanceOf(InvalidGrantException.class);
        assertThat(open.openUntil()).isEqualTo(clock.instant().plusSeconds(30));
        assertThat(tokenRequests()).hasSize(3); // the fourth wrong password never reached the server

        clock.advance(Duration.ofSeconds(30));
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 60)));
        assertThat(manager.accessToken()).isEqualTo("access-1");

        // closed: the count starts again, one failure alone does not open it
        server.stubFor(tokenRequest("password").willReturn(oauthError(400, "invalid_grant", "Invalid credentials")));
        server.stubFor(tokenRequest("refresh_token").willReturn(oauthError(400, "invalid_grant", "Expired")));
        clock.advance(Duration.ofSeconds(61));
        assertThat(catchThrowableOfType(InvalidGrantException.class, manager::accessToken))
                .isNotInstanceOf(TokenEndpointCircuitOpenException.class);
        assertThat(catchThrowableOfType(InvalidGrantException.class, manager::accessToken))
                .isNotInstanceOf(TokenEndpointCircuitOpenException.class);

        assertThat(log.withCode("TPC0102")).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getMessage()).contains("3", "TPC0004");
        });
        assertThat(log.withCode("TPC0103")).singleElement().satisfies(record -> assertThat(record.getMessage())
                .contains("3 failed token requests"));
        assertThat(log.records())
                .allSatisfy(record -> assertThat(LogCapture.formatted(record)).doesNotContain(SECRETS));
    }

    @Test
    void rejectedRefreshWithoutPasswordDoesNotOpenTheBreaker() {
        server.stubFor(tokenRequest("refresh_token")
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        TokenManager manager = manager(Map.of(TicketparkConfig.USERNAME, "", TicketparkConfig.PASSWORD, "",
                TicketparkConfig.REFRESH_TOKEN, "seed-refresh"));

        for (int i = 0; i < 5; i++) {
            assertThat(catchThrowableOfType(InvalidGrantException.class, manager::accessToken))
                    .hasMessageStartingWith("TPC0003");
        }
        assertThat(tokenRequests()).hasSize(1);
    }

    @Test
    void failingRefreshInsideTheSkewWindowIsTriedOncePerBackoffPeriodAndNeverOpensTheBreaker() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").willReturn(aResponse().withStatus(503)));
        TokenManager manager = manager(Map.of());
        manager.accessToken();
        clock.advance(Duration.ofSeconds(571)); // inside the 30 s skew window

        // a call every 100 ms for 28 s: after each failure the next refresh waits the backoff ceiling of the
        // failure count, 0.5, 1, 2, 4, 8 s, then 10 s (token-retry-max-delay)
        List<Long> refreshedAtMillis = new ArrayList<>();
        for (int i = 0; i < 280; i++) {
            int before = refreshRequests();
            assertThat(manager.accessToken()).isEqualTo("access-1");
            assertThat(executor.awaitIdle()).isTrue();
            if (refreshRequests() > before) {
                refreshedAtMillis.add(i * 100L);
            }
            clock.advance(Duration.ofMillis(100));
        }

        assertThat(refreshedAtMillis).containsExactly(0L, 500L, 1_500L, 3_500L, 7_500L, 15_500L, 25_500L);
        assertThat(sleeper.delays()).isEmpty();
        // each failed refresh ahead of expiry is log.records() once (TPC0009), without a secret
        assertThat(log.records()).filteredOn(record -> record.getMessage().startsWith("TPC0009")).hasSize(7)
                .allSatisfy(record -> assertThat(record.getLevel()).isEqualTo(Level.WARNING))
                .allSatisfy(record -> assertThat(record.getMessage()).contains("HTTP 503").doesNotContain(SECRETS));
        server.stubFor(tokenRequest("refresh_token").willReturn(token("access-2", "refresh-2", 600)));
        clock.advance(Duration.ofSeconds(2)); // expired now: a waiting caller gets a token at once
        assertThat(manager.accessToken()).isEqualTo("access-2");
    }

    @Test
    void aLifetimeOfTwoDaysIsCappedToOneDay() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 172_800)));
        server.stubFor(tokenRequest("refresh_token").willReturn(token("access-2", "refresh-2", 172_800)));
        TokenManager manager = manager(Map.of());

        assertThat(manager.accessToken()).isEqualTo("access-1");
        clock.advance(Duration.ofDays(1).minusSeconds(31)); // before the 30 s skew window of a one-day token
        assertThat(manager.accessToken()).isEqualTo("access-1");
        clock.advance(Duration.ofSeconds(31)); // expired after one day, not two
        assertThat(manager.accessToken()).isEqualTo("access-2");

        assertThat(tokenRequests()).hasSize(2);
        assertThat(log.withCode("TPC0108")).hasSize(2).allSatisfy(record -> assertThat(LogCapture.formatted(record))
                .contains("172800", "PT24H").doesNotContain(SECRETS));
    }

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

    /** No thread took a refresh ahead of expiry: the next one is handed over only after the first backoff period. */
    @Test
    void backgroundRefreshNoThreadTookIsHandedOverAgainAfterABackoffPeriod() {
        passwordThenRefresh();
        TokenManager manager = manager(Map.of());
        manager.accessToken();
        clock.advance(Duration.ofSeconds(575));
        executor.failNext(new RejectedExecutionException("queue full"));
        assertThat(manager.accessToken()).isEqualTo("access-1");
        int handedOver = executor.executed();

        clock.advance(Duration.ofMillis(499)); // the first backoff ceiling is token-retry-initial-delay, 0.5 s
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(executor.executed()).isEqualTo(handedOver);

        clock.advance(Duration.ofMillis(1));
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(executor.executed()).isGreaterThan(handedOver);
        assertThat(manager.accessToken()).isEqualTo("access-2");
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

    /** Callers whose threads are interrupted do not open the circuit breaker for everybody else. */
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

    /** A caller interrupted while it waits for another caller's request gets the interrupt and keeps its status. */
    @Test
    void joinerInterruptedWhileWaitingIsReportedAsAnInterruptAndTheOwnerGoesOn() throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        TokenManager manager = manager(Map.of());
        executor.hold();
        CompletableFuture<String> owner = new CompletableFuture<>();
        caller(manager, owner);
        awaitHeld(1); // the owner's attempt waits for a thread
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
        Thread joiner = new Thread(() -> {
            failure.complete(catchThrowable(manager::accessToken));
            stillInterrupted.complete(Thread.currentThread().isInterrupted());
        });
        joiner.start();
        awaitTimedWaiting(joiner);

        joiner.interrupt();

        assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(TokenEndpointUnavailableException.class)
                .hasMessageContaining("TPC0017");
        assertThat(stillInterrupted.get(10, TimeUnit.SECONDS)).isTrue();
        executor.release();
        assertThat(owner.get(10, TimeUnit.SECONDS)).isEqualTo("access-1");
        assertThat(bodies()).containsExactly(PASSWORD_BODY);
    }

    /** The owner's interrupt is not its joiners': a caller that waited for the interrupted owner's request asks anew. */
    @Test
    void joinerOfARequestWhoseOwnerIsInterruptedAsksAnewAndGetsTheToken() throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        TokenManager manager = manager(Map.of());
        executor.hold();
        CompletableFuture<Throwable> ownerFailure = new CompletableFuture<>();
        Thread owner = new Thread(() -> ownerFailure.complete(catchThrowable(manager::accessToken)));
        owner.start();
        awaitHeld(1); // the owner's attempt waits for a thread
        CompletableFuture<String> joined = new CompletableFuture<>();
        Thread joiner = caller(manager, joined);
        awaitTimedWaiting(joiner);

        owner.interrupt();

        assertThat(ownerFailure.get(10, TimeUnit.SECONDS)).isInstanceOf(TokenEndpointUnavailableException.class)
                .hasMessageContaining("TPC0017");
        awaitHeld(2); // the joiner's own attempt
        executor.release();
        assertThat(joined.get(10, TimeUnit.SECONDS)).isEqualTo("access-1");
        assertThat(bodies()).containsExactly(PASSWORD_BODY); // the abandoned attempt sent nothing
    }

    /**
     * A caller that joins a request at its very deadline keeps looking, without failing, until the deadline has
     * passed; then it replaces the request and gets a token, and the owner, who paused before a retry, gets it too.
     */
    @Test
    void joinerAtTheRequestsDeadlineReplacesItOnceThatHasPassed() throws Exception {
        server.stubFor(tokenRequest("password").inScenario("outage").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("over"));
        server.stubFor(tokenRequest("password").inScenario("outage").whenScenarioStateIs("over")
                .willReturn(token("access-1", "refresh-1", 600)));
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        TokenManager manager = manager(Map.of(), TokenManager.NO_STORE, delay -> {
            paused.countDown();
            resume.await();
        });
        CompletableFuture<String> owner = new CompletableFuture<>();
        caller(manager, owner);
        assertThat(paused.await(10, TimeUnit.SECONDS)).isTrue(); // the owner pauses before its retry
        clock.advance(Duration.ofSeconds(30)); // token-wait-timeout: the request's deadline is now
        CompletableFuture<String> joined = new CompletableFuture<>();
        Thread joiner = caller(manager, joined);
        awaitTimedWaiting(joiner); // it waits a moment, and looks again

        clock.advance(Duration.ofMillis(1));

        assertThat(joined.get(10, TimeUnit.SECONDS)).isEqualTo("access-1");
        resume.countDown();
        assertThat(owner.get(10, TimeUnit.SECONDS)).isEqualTo("access-1");
        assertThat(bodies()).containsExactly(PASSWORD_BODY, PASSWORD_BODY); // the replaced request sent no retry
    }

    /** An interrupt during the pause before a retry is reported as an interrupt, not as the failure. */
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

    /** The caller threads other than this one that wait with a timeout (for a token request's outcome). */
    private static int waitingOthers(List<Thread> callerThreads) {
        return (int) callerThreads.stream().filter(thread -> thread != Thread.currentThread())
                .filter(thread -> thread.getState() == Thread.State.TIMED_WAITING).count();
    }

    private void failTwiceThen(ResponseDefinitionBuilder failure) {
        server.stubFor(tokenRequest("password").inScenario("faults").whenScenarioStateIs(STARTED)
                .willReturn(failure).willSetStateTo("failed once"));
        server.stubFor(tokenRequest("password").inScenario("faults").whenScenarioStateIs("failed once")
                .willReturn(failure).willSetStateTo("failed twice"));
        server.stubFor(tokenRequest("password").inScenario("faults").whenScenarioStateIs("failed twice")
                .willReturn(token("access-1", "refresh-1", 600)));
    }

    private static int refreshRequests() {
        return (int) server.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).stream()
                .filter(request -> request.getBodyAsString().contains("grant_type=refresh_token"))
                .count();
    }
}
