package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.BASIC;
import static ch.ticketpark.client.support.Fixtures.CLIENT_SECRET;
import static ch.ticketpark.client.support.Fixtures.PASSWORD;
import static ch.ticketpark.client.support.Fixtures.SECRETS;
import static ch.ticketpark.client.support.Fixtures.TOKEN_PATH;
import static ch.ticketpark.client.support.Fixtures.USERNAME;
import static ch.ticketpark.client.support.Fixtures.oauthError;
import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Fixtures.tokenRequest;
import static ch.ticketpark.client.support.Secrets.assertNoSecretIn;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import ch.ticketpark.client.exception.InvalidGrantException;
import ch.ticketpark.client.exception.TicketparkException;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.support.MapConfig;
import ch.ticketpark.client.support.MutableClock;
import ch.ticketpark.client.support.RecordingSleeper;
import ch.ticketpark.client.support.RecordingStore;
import ch.ticketpark.client.support.Secrets;

/**
 * What a {@link TokenManager} does when all goes well, for one caller and for many: the grants it uses, when it
 * refreshes, what it saves, and which secrets it holds and never shows.
 */
class TokenManagerTest extends TokenManagerTestSupport {

    private static final int CALLERS = 200;

    private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void firstTokenComesFromThePasswordGrantAndIsReusedWhileValid() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        TokenManager manager = manager(Map.of());

        assertThat(manager.accessToken()).isEqualTo("access-1");
        clock.advance(Duration.ofSeconds(569));
        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(tokenRequests()).hasSize(1);
    }

    @Test
    void refreshUsesTheNewestRefreshTokenAndNeverThePasswordAgain() {
        passwordThenTwoRefreshes();
        TokenManager manager = manager(Map.of());

        assertThat(manager.accessToken()).isEqualTo("access-1");
        clock.advance(Duration.ofSeconds(600));
        assertThat(manager.accessToken()).isEqualTo("access-2");
        clock.advance(Duration.ofSeconds(600));
        assertThat(manager.accessToken()).isEqualTo("access-3");

        assertThat(tokenRequests()).extracting(LoggedRequest::getBodyAsString).containsExactly(
                "grant_type=password&username=jane%40example.com&password=pa55word-of-jane",
                "grant_type=refresh_token&refresh_token=refresh-1",
                "grant_type=refresh_token&refresh_token=refresh-2");
    }

    @Test
    void configuredRefreshTokenIsUsedFirstWithoutAnyPassword() {
        server.stubFor(tokenRequest("refresh_token").willReturn(token("access-1", "refresh-1", 600)));
        TokenManager manager = manager(Map.of(TicketparkConfig.USERNAME, "", TicketparkConfig.PASSWORD, "",
                TicketparkConfig.REFRESH_TOKEN, "seed-refresh"));

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(tokenRequests()).extracting(LoggedRequest::getBodyAsString)
                .containsExactly("grant_type=refresh_token&refresh_token=seed-refresh");
    }

    @Test
    void answerWithoutRefreshTokenKeepsTheCurrentOne() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").inScenario("rotation").whenScenarioStateIs(STARTED)
                .willReturn(okWithoutRefreshToken("access-2")).willSetStateTo("second"));
        server.stubFor(tokenRequest("refresh_token").inScenario("rotation").whenScenarioStateIs("second")
                .willReturn(token("access-3", "refresh-3", 600)));
        TokenManager manager = manager(Map.of());

        manager.accessToken();
        clock.advance(Duration.ofSeconds(600));
        assertThat(manager.accessToken()).isEqualTo("access-2");
        clock.advance(Duration.ofSeconds(600));
        assertThat(manager.accessToken()).isEqualTo("access-3");

        assertThat(tokenRequests()).extracting(LoggedRequest::getBodyAsString).endsWith(
                "grant_type=refresh_token&refresh_token=refresh-1",
                "grant_type=refresh_token&refresh_token=refresh-1");
    }

    @Test
    void rejectedRefreshFallsBackToThePasswordGrantInTheSameCall() {
        server.stubFor(tokenRequest("refresh_token")
                .willReturn(oauthError(400, "invalid_grant", "Refresh token has expired")));
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        TokenManager manager = manager(Map.of(TicketparkConfig.REFRESH_TOKEN, "seed-refresh"));

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(tokenRequests()).extracting(LoggedRequest::getBodyAsString).containsExactly(
                "grant_type=refresh_token&refresh_token=seed-refresh",
                "grant_type=password&username=jane%40example.com&password=pa55word-of-jane");
    }

    @Test
    void rejectedRefreshWithoutPasswordSaysWhatToConfigureAndIsNotRetried() {
        server.stubFor(
                tokenRequest("refresh_token").willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        TokenManager manager = manager(Map.of(TicketparkConfig.USERNAME, "", TicketparkConfig.PASSWORD, "",
                TicketparkConfig.REFRESH_TOKEN, "seed-refresh"));

        InvalidGrantException first = catchThrowableOfType(InvalidGrantException.class, manager::accessToken);
        InvalidGrantException second = catchThrowableOfType(InvalidGrantException.class, manager::accessToken);

        assertThat(first.getMessage()).startsWith("TPC0003").contains("Invalid refresh token",
                "one-time login", "ticketpark-login-<version>.jar", "ticketpark.refresh-token");
        assertThat(first.status()).isEqualTo(400);
        assertThat(second).hasMessage(first.getMessage());
        assertThat(tokenRequests()).hasSize(1);
        assertNoSecretIn(first);
    }

    @Test
    void wrongPasswordNamesTheKeysToCheck() {
        server.stubFor(tokenRequest("password")
                .willReturn(oauthError(400, "invalid_grant", "Invalid username and password combination")));
        TokenManager manager = manager(Map.of());

        InvalidGrantException e = catchThrowableOfType(InvalidGrantException.class, manager::accessToken);

        assertThat(e.getMessage()).startsWith("TPC0004").contains("ticketpark.username", "ticketpark.password");
        assertNoSecretIn(e);
    }

    @Test
    void invalidateGetsANewTokenWithTheRefreshToken() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").willReturn(token("access-2", "refresh-2", 600)));
        TokenManager manager = manager(Map.of());

        manager.accessToken();
        manager.invalidate();

        assertThat(manager.accessToken()).isEqualTo("access-2");
        assertThat(tokenRequests()).extracting(LoggedRequest::getBodyAsString)
                .last().isEqualTo("grant_type=refresh_token&refresh_token=refresh-1");
    }

    @Test
    void invalidatingAReplacedTokenKeepsTheNewOne() throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").willReturn(token("access-2", "refresh-2", 600)));
        TokenManager manager = manager(Map.of());
        manager.accessToken();

        // many callers saw access-1 rejected: one new token, and their late invalidations keep it
        List<String> tokens = callConcurrently(manager, () -> {
            manager.invalidate("access-1");
            return manager.accessToken();
        });

        assertThat(tokens).containsOnly("access-2");
        assertThat(tokenRequests()).hasSize(2);
    }

    @Test
    void concurrentCallersAtColdStartCauseExactlyOneTokenRequest() throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600).withFixedDelay(300)));
        TokenManager manager = manager(Map.of());

        List<String> tokens = callConcurrently(manager);

        assertThat(tokens).hasSize(CALLERS).containsOnly("access-1");
        assertThat(tokenRequests()).hasSize(1);
    }

    @Test
    void concurrentCallersAtExpiryCauseExactlyOneRefresh() throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(
                tokenRequest("refresh_token").willReturn(token("access-2", "refresh-2", 600).withFixedDelay(300)));
        TokenManager manager = manager(Map.of());
        manager.accessToken();
        clock.advance(Duration.ofSeconds(600));

        List<String> tokens = callConcurrently(manager);

        assertThat(tokens).hasSize(CALLERS).containsOnly("access-2");
        server.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=refresh")));
        server.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)).withRequestBody(containing(PASSWORD)));
    }

    @Test
    void insideTheSkewWindowCallersGetTheCurrentTokenWithoutWaitingForTheOneRefresh() throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").willReturn(token("access-2", "refresh-2", 600)));
        TokenManager manager = manager(Map.of());
        manager.accessToken();
        clock.advance(Duration.ofSeconds(575)); // default skew: min(30 s, 20 % of 600 s) = 30 s
        executor.hold();

        // the refresh is held back and never runs while the callers are answered
        List<String> tokens = callConcurrently(manager);

        assertThat(tokens).hasSize(CALLERS).containsOnly("access-1");
        assertThat(executor.held()).isEqualTo(1);
        assertThat(tokenRequests()).hasSize(1);

        executor.release();
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(manager.accessToken()).isEqualTo("access-2");
        assertThat(tokenRequests()).extracting(LoggedRequest::getBodyAsString)
                .containsExactly("grant_type=password&username=jane%40example.com&password=pa55word-of-jane",
                        "grant_type=refresh_token&refresh_token=refresh-1");
    }

    @Test
    void configuredSkewDecidesWhenTheBackgroundRefreshStarts() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").willReturn(token("access-2", "refresh-2", 600)));
        TokenManager manager = manager(Map.of(TicketparkConfig.REFRESH_SKEW, "PT2M"));
        manager.accessToken();

        clock.advance(Duration.ofSeconds(479));
        manager.accessToken();
        assertThat(tokenRequests()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(tokenRequests()).hasSize(2);
        assertThat(manager.accessToken()).isEqualTo("access-2");
    }

    /**
     * The wall clock is set back just as a caller without a valid token claims the token request: the token is valid
     * again, so nothing is sent, and no request stays in flight to hand the next caller that token once it expired.
     */
    @Test
    void clockSetBackAsACallerClaimsTheRequestSendsNothingAndLeavesNoRequestInFlight() {
        passwordThenRefresh();
        SteppingClock time = new SteppingClock();
        TokenManager manager = manager(Map.of(), TokenManager.NO_STORE, sleeper, time);
        manager.accessToken();
        assertThat(executor.awaitIdle()).isTrue();
        time.advance(Duration.ofSeconds(600)); // expired
        time.stepAtReading(3, Duration.ofSeconds(-1)); // the caller reads: on the call, in its loop, once it claimed

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(bodies()).containsExactly(PASSWORD_BODY);
        assertThat(manager.inFlight()).isNull();
        time.advance(Duration.ofSeconds(1));
        assertThat(manager.accessToken()).isEqualTo("access-2");
    }

    /**
     * The wall clock jumps past the token's expiry just as a caller starts the refresh ahead of expiry, then back:
     * the refresh that found nothing to do leaves no request in flight, so the next caller in the window starts one.
     */
    @Test
    void clockJumpingAsARefreshStartsLeavesNoRequestInFlight() {
        passwordThenRefresh();
        SteppingClock time = new SteppingClock();
        TokenManager manager = manager(Map.of(), TokenManager.NO_STORE, sleeper, time);
        manager.accessToken();
        assertThat(executor.awaitIdle()).isTrue();
        time.advance(Duration.ofSeconds(575)); // inside the refresh window
        time.stepAtReading(2, Duration.ofSeconds(30)); // the caller reads: on the call, as the refresh starts

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(manager.inFlight()).isNull();
        assertThat(bodies()).containsExactly(PASSWORD_BODY);
        time.advance(Duration.ofSeconds(-29)); // set right again: inside the window
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(manager.accessToken()).isEqualTo("access-2");
    }

    @Test
    void savedRefreshTokenComesFirstAndEveryAnswerIsStoredBeforeUse() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=stored-refresh"))
                .willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(okWithoutRefreshToken("access-2")));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .inScenario("rotation").whenScenarioStateIs(STARTED).willSetStateTo("kept")
                .willReturn(okWithoutRefreshToken("access-2")));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .inScenario("rotation").whenScenarioStateIs("kept")
                .willReturn(token("access-3", "refresh-3", 600)));
        RecordingStore store = new RecordingStore("stored-refresh");
        TokenManager manager = manager(Map.of(TicketparkConfig.REFRESH_TOKEN, "configured-refresh"), store);

        // each save runs on the executor: waited for, so that each rotation's save is seen on its own
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(executor.awaitIdle()).isTrue();
        clock.advance(Duration.ofSeconds(600));
        assertThat(manager.accessToken()).isEqualTo("access-2");
        assertThat(executor.awaitIdle()).isTrue();
        clock.advance(Duration.ofSeconds(600));
        assertThat(manager.accessToken()).isEqualTo("access-3");

        // the password is never needed, the configured token never used; every answer is stored before use (its
        // access token too), an answer without a new refresh token with the one it used
        assertThat(store.saved).containsExactly("refresh-1", "refresh-1", "refresh-3");
        assertThat(store.states).extracting(StoredTokens::accessToken).containsExactly("access-1", "access-2",
                "access-3");
        assertThat(tokenRequests()).extracting(LoggedRequest::getBodyAsString)
                .allMatch(body -> body.startsWith("grant_type=refresh_token"))
                .noneMatch(body -> body.contains("configured-refresh"));
    }

    @Test
    void failingStoreNeitherBreaksTheTokenNorLeaksIt() {
        passwordThenRefresh();
        RecordingStore broken = RecordingStore.scripted(load -> {
            throw new IllegalStateException("database down");
        }).onSave(refreshToken -> {
            throw new IllegalStateException("cannot save " + refreshToken);
        });
        TokenManager manager = manager(Map.of(), broken);

        assertThat(manager.accessToken()).isEqualTo("access-1");
        clock.advance(Duration.ofSeconds(600));
        assertThat(manager.accessToken()).isEqualTo("access-2");
        assertThat(executor.awaitIdle()).isTrue();

        // all a log handler could write: the message, its parameters and the exception with its causes
        List<String> logged = log.records().stream().map(LogCapture::formatted).toList();
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("TPC0111"))
                .anySatisfy(line -> assertThat(line).contains("TPC0112"))
                .allSatisfy(line -> assertThat(line).doesNotContain(SECRETS));
    }

    @Test
    void toStringShowsNoSecret() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        TokenManager manager = manager(Map.of());
        manager.accessToken();

        assertThat(manager.toString()).doesNotContain(SECRETS).startsWith("TokenManager[")
                .contains("TokenEndpoint[" + server.baseUrl(), "TokenState[token=Token[accessToken=****",
                        "CircuitBreaker[failures=0");
    }

    @Test
    void backgroundRefreshWaitingForAThreadIsTheOneRequestInFlightUntilItEnds() {
        passwordThenRefresh();
        TokenManager manager = manager(Map.of());
        manager.accessToken();
        clock.advance(Duration.ofSeconds(575));
        executor.hold();

        assertThat(manager.accessToken()).isEqualTo("access-1");

        InFlightRequest refresh = manager.inFlight();
        assertThat(refresh).isNotNull();
        assertThat(refresh.isBackground()).isTrue();
        assertThat(refresh.isIdle()).isTrue();
        executor.release();
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(manager.inFlight()).isNull();
        assertThat(manager.accessToken()).isEqualTo("access-2");
    }

    @Test
    void closeSavesTheNewestRefreshTokenTheStoreFailedToTake() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        RecordingStore store = new RecordingStore(null).failSaves(1,
                () -> new IllegalStateException("database down"));
        TokenManager manager = manager(Map.of(), store);
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(executor.awaitIdle()).isTrue(); // the save ran on the executor, and failed
        assertThat(store.saved).isEmpty();

        manager.close();

        assertThat(store.saved).containsExactly("refresh-1");
    }

    @Test
    void closeShutsDownTheManagersOwnThreads() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        TokenThreads threads = new TokenThreads(null);
        TokenManager manager = new TokenManager(MapConfig.load(server.baseUrl(), Map.of()), clock, threads,
                TokenManager.NO_STORE);
        assertThat(manager.accessToken()).isEqualTo("access-1");

        manager.close();

        assertThatThrownBy(() -> threads.execute(() -> {
        })).isInstanceOf(RejectedExecutionException.class);
    }

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
        assertThat(log.records()).filteredOn(record -> record.getMessage().startsWith("TPC0015")).hasSize(1);
    }

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
        log.records().clear();

        for (int i = 0; i < 1_000; i++) {
            assertThat(manager.accessToken()).isEqualTo("access-1");
        }
        clock.advance(Duration.ofSeconds(30));
        InvalidGrantException first = catchThrowableOfType(InvalidGrantException.class, manager::accessToken);
        InvalidGrantException second = catchThrowableOfType(InvalidGrantException.class, manager::accessToken);

        assertThat(executor.executed()).isEqualTo(tasks);
        assertThat(log.records()).isEmpty();
        assertThat(first).isNotSameAs(second).hasMessageStartingWith("TPC0003");
        assertThat(first.getCause()).isSameAs(second.getCause());
        assertThat(bodies()).hasSize(2);
    }

    /** The dead-chain exception is a fresh instance for every caller, the first one included. */
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

    @Test
    void noSecretInAnyExceptionChainOrToString() {
        List<Throwable> failures = new ArrayList<>();
        TokenManager manager = closing(new TokenManager(MapConfig.load(server.baseUrl(),
                Map.of(TicketparkConfig.TOKEN_MAX_ATTEMPTS, "1", TicketparkConfig.CIRCUIT_BREAKER_FAILURES, "100")),
                new MutableClock(), Runnable::run, new RecordingSleeper(new MutableClock()), () -> 1.0,
                TokenManager.NO_STORE));
        List<ResponseDefinitionBuilder> faults = List.of(
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
                aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
                aResponse().withStatus(503).withBody("access-1 refresh-1 " + PASSWORD),
                aResponse().withStatus(200).withBody("{\"access_token\":\"access-1\",\"refresh_token\":\"refresh-1"),
                aResponse().withStatus(200).withBody("<html>" + PASSWORD + "</html>"),
                aResponse().withStatus(200).withBody("{\"access_token\":\"access 1\",\"expires_in\":1}"),
                aResponse().withStatus(302).withHeader("Location", "https://evil.example/?p=" + PASSWORD),
                oauthError(400, "invalid_client", "bad"),
                oauthError(400, "invalid_grant", "bad"),
                oauthError(400, "invalid_request", "bad"));
        for (var fault : faults) {
            server.stubFor(tokenRequest("password").willReturn(fault));
            failures.add(catchThrowable(manager::accessToken));
        }

        assertThat(failures).hasSize(faults.size()).allMatch(TicketparkException.class::isInstance);
        failures.forEach(Secrets::assertNoSecretIn);
        assertThat(manager.toString()).doesNotContain(SECRETS);
    }

    @Test
    void theClientSecretIsHeldOnlyInsideTheBasicHeader() throws Exception {
        TokenManager manager = closing(
                new TokenManager(MapConfig.load(server.baseUrl(), Map.of()), new MutableClock(), Runnable::run,
                        TokenManager.NO_STORE));

        List<String> held = Secrets.held(manager);

        assertThat(held).doesNotContain(CLIENT_SECRET).contains(BASIC);
        // documented: with a password configured, it is kept for the fallback from a dead refresh token
        assertThat(held).contains(PASSWORD);
    }

    @Test
    void withoutAPasswordNoPasswordIsHeldAndTheSeedRefreshTokenOnlyUntilUsed() throws Exception {
        server.stubFor(tokenRequest("refresh_token").willReturn(token("access-1", "refresh-1", 600)));
        TokenManager manager = closing(new TokenManager(MapConfig.load(server.baseUrl(), noPassword("seed-refresh")),
                new MutableClock(), Runnable::run, TokenManager.NO_STORE));
        assertThat(Secrets.held(manager)).contains("seed-refresh").doesNotContain(PASSWORD, CLIENT_SECRET);

        manager.accessToken();

        assertThat(Secrets.held(manager)).doesNotContain("seed-refresh", PASSWORD, CLIENT_SECRET);
    }

    private List<String> callConcurrently(TokenManager manager) throws Exception {
        return callConcurrently(manager, manager::accessToken);
    }

    private List<String> callConcurrently(TokenManager manager, Callable<String> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            futures.add(callers.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<String> tokens = new ArrayList<>();
        for (Future<String> future : futures) {
            tokens.add(future.get(20, TimeUnit.SECONDS));
        }
        return tokens;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okWithoutRefreshToken(
            String accessToken) {
        return com.github.tomakehurst.wiremock.client.WireMock.okJson(
                "{\"access_token\":\"" + accessToken + "\",\"expires_in\":600,\"token_type\":\"bearer\"}");
    }

    /** The test clock, set by itself at one reading of one thread: the wall clock set at just that moment. */
    private static final class SteppingClock extends MutableClock {

        private volatile Thread reader;
        private volatile Duration step;
        private final AtomicInteger untilStep = new AtomicInteger();

        /** At this thread's {@code reading}-th reading from now on (1: the next), it moves by {@code step} first. */
        void stepAtReading(int reading, Duration by) {
            reader = Thread.currentThread();
            step = by;
            untilStep.set(reading);
        }

        @Override
        public Instant instant() {
            if (Thread.currentThread() == reader && untilStep.get() > 0 && untilStep.decrementAndGet() == 0) {
                advance(step);
            }
            return super.instant();
        }
    }
}
