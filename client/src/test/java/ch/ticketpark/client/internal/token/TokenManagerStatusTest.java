package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.SECRETS;
import static ch.ticketpark.client.support.Fixtures.oauthError;
import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Fixtures.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.exception.InvalidClientException;
import ch.ticketpark.client.exception.TokenEndpointCircuitOpenException;
import ch.ticketpark.client.internal.observe.TokenObserver;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;
import ch.ticketpark.client.status.CircuitClosed;
import ch.ticketpark.client.status.CircuitOpened;
import ch.ticketpark.client.status.GrantType;
import ch.ticketpark.client.status.RefreshTokenChainEnded;
import ch.ticketpark.client.status.TokenObtained;
import ch.ticketpark.client.status.TokenProblem;
import ch.ticketpark.client.status.TokenRequestFailed;
import ch.ticketpark.client.status.TokenStatus;
import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.support.MapConfig;
import ch.ticketpark.client.support.RecordingObserver;
import ch.ticketpark.client.support.RecordingStore;

/**
 * What the token manager reports about itself: the status it reads without a request, and the calls its observer
 * hears, one per grant, per failed request, per end of the chain and per change of the breaker.
 */
class TokenManagerStatusTest extends TokenManagerTestSupport {

    private final RecordingObserver observer = new RecordingObserver();

    private TokenManager observed(Map<String, String> overrides, TokenStore store, TokenObserver listener) {
        return closing(new TokenManager(MapConfig.load(server.baseUrl(), overrides), clock, executor, alarm(clock),
                sleeper, () -> 1.0, store, listener));
    }

    private TokenManager observed(Map<String, String> overrides) {
        return observed(overrides, TokenManager.NO_STORE, observer);
    }

    @Test
    void beforeTheFirstNeedNothingIsRequestedAndTheClientIsReady() {
        TokenManager manager = observed(Map.of());

        TokenStatus status = manager.status();

        assertThat(status.state()).isEqualTo(TokenStatus.State.NOT_REQUESTED);
        assertThat(status.ready()).isTrue();
        assertThat(status.validUntil()).isEmpty();
        assertThat(status.lastObtained()).isEmpty();
        assertThat(status.lastFailure()).isEmpty();
        assertThat(status.at()).isEqualTo(clock.instant());
        assertThat(tokenRequests()).isEmpty();
        assertThat(observer.events).isEmpty();
    }

    @Test
    void eachGrantIsOneEventAndCountedByItsType() {
        passwordThenTwoRefreshes();
        TokenManager manager = observed(Map.of());
        Instant first = clock.instant();

        manager.accessToken();
        TokenStatus valid = manager.status();
        clock.advance(Duration.ofSeconds(600));
        TokenStatus expired = manager.status();
        manager.accessToken();
        clock.advance(Duration.ofSeconds(600));
        manager.accessToken();

        assertThat(valid.state()).isEqualTo(TokenStatus.State.VALID);
        assertThat(valid.validUntil()).contains(first.plusSeconds(600));
        assertThat(valid.validFor()).contains(Duration.ofSeconds(600));
        assertThat(expired.state()).isEqualTo(TokenStatus.State.NONE);
        assertThat(expired.ready()).isTrue();
        assertThat(observer.events).containsExactly(
                new TokenObtained(GrantType.PASSWORD, first, first.plusSeconds(600), Duration.ZERO),
                new TokenObtained(GrantType.REFRESH_TOKEN, first.plusSeconds(600), first.plusSeconds(1200),
                        Duration.ZERO),
                new TokenObtained(GrantType.REFRESH_TOKEN, first.plusSeconds(1200), first.plusSeconds(1800),
                        Duration.ZERO));
        TokenStatus status = manager.status();
        assertThat(List.of(status.passwordGrants(), status.refreshGrants(), status.failedRequests()))
                .containsExactly(1L, 2L, 0L);
        assertThat(status.lastObtained()).contains((TokenObtained) observer.events.get(2));
        assertThat(status.problems()).isEmpty();
    }

    @Test
    void aRefreshAheadOfExpiryIsToldWhenItIsHandedToAThread() {
        passwordThenRefresh();
        TokenManager manager = observed(Map.of());
        manager.accessToken();

        clock.advance(Duration.ofSeconds(580)); // inside the default skew of 30 s
        manager.accessToken();
        assertThat(executor.awaitIdle()).isTrue();

        assertThat(observer.refreshesAhead).hasValue(1);
        assertThat(observer.of(TokenObtained.class)).extracting(TokenObtained::grantType)
                .containsExactly(GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
    }

    @Test
    void aFailedAttemptIsOneEventWithItsCodeAndStatusAndTheRetryThatFollowsAnother() {
        server.stubFor(tokenRequest("password").inScenario("outage").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("back"));
        server.stubFor(tokenRequest("password").inScenario("outage").whenScenarioStateIs("back")
                .willReturn(token("access-1", "refresh-1", 600)));
        TokenManager manager = observed(Map.of());

        manager.accessToken();

        assertThat(observer.events).hasSize(2);
        assertThat(observer.events.get(0)).isInstanceOfSatisfying(TokenRequestFailed.class, failed -> {
            assertThat(failed.grantType()).isEqualTo(GrantType.PASSWORD);
            assertThat(failed.code()).isEqualTo("TPC0005");
            assertThat(failed.reason()).startsWith("TPC0005: ");
            assertThat(failed.status()).isEqualTo(503);
        });
        assertThat(observer.events.get(1)).isInstanceOf(TokenObtained.class);
        TokenStatus status = manager.status();
        assertThat(status.failedRequests()).isEqualTo(1);
        assertThat(status.lastFailure()).contains((TokenRequestFailed) observer.events.get(0));
        assertThat(status.ready()).isTrue();
    }

    @Test
    void aRejectedRefreshTokenWithoutPasswordEndsTheChainOnceAndTheStatusSaysWhy() {
        server.stubFor(tokenRequest("refresh_token")
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        TokenManager manager = observed(noPassword("seed-refresh"));

        for (int i = 0; i < 3; i++) {
            catchThrowable(manager::accessToken);
        }

        assertThat(observer.of(TokenRequestFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.grantType()).isEqualTo(GrantType.REFRESH_TOKEN);
            assertThat(failed.code()).isEqualTo("TPC0002");
            assertThat(failed.status()).isEqualTo(400);
        });
        assertThat(observer.of(RefreshTokenChainEnded.class)).singleElement()
                .satisfies(ended -> assertThat(ended.code()).isEqualTo("TPC0003"));
        TokenStatus status = manager.status();
        assertThat(status.ready()).isFalse();
        assertThat(status.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(TokenProblem.Kind.REFRESH_TOKEN_CHAIN_ENDED);
            assertThat(problem.code()).isEqualTo("TPC0003");
            assertThat(problem.reason()).startsWith("TPC0003: ");
        });
    }

    @Test
    void nothingToStartFromEndsTheChainOnce() {
        TokenManager manager = observed(noPassword(""), new RecordingStore(null), observer);

        catchThrowable(manager::accessToken);
        catchThrowable(manager::accessToken);

        assertThat(observer.events).singleElement().isInstanceOfSatisfying(RefreshTokenChainEnded.class,
                ended -> assertThat(ended.code()).isEqualTo("TPC0031"));
        assertThat(manager.status().problems()).extracting(TokenProblem::code).containsExactly("TPC0031");
        assertThat(tokenRequests()).isEmpty();
    }

    @Test
    void rejectedClientCredentialsOpenTheBreakerAndASuccessClosesItAndClearsBoth() {
        server.stubFor(tokenRequest("password").willReturn(oauthError(401, "invalid_client", "Bad client")));
        TokenManager manager = observed(Map.of());
        Instant start = clock.instant();

        assertThat(catchThrowable(manager::accessToken)).isInstanceOf(InvalidClientException.class);
        assertThat(manager.status().problems()).extracting(TokenProblem::kind, TokenProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TokenProblem.Kind.CLIENT_REJECTED, "TPC0100"));
        catchThrowable(manager::accessToken);
        catchThrowable(manager::accessToken);
        assertThat(catchThrowable(manager::accessToken)).isInstanceOf(TokenEndpointCircuitOpenException.class);

        TokenStatus open = manager.status();
        assertThat(open.problems()).extracting(TokenProblem::kind).containsExactly(
                TokenProblem.Kind.CLIENT_REJECTED, TokenProblem.Kind.CIRCUIT_OPEN);
        assertThat(open.problems().get(1).code()).isEqualTo("TPC0102");
        assertThat(open.circuitOpenUntil()).contains(start.plusSeconds(30));
        assertThat(observer.of(TokenRequestFailed.class)).hasSize(3)
                .allSatisfy(failed -> assertThat(failed.code()).isEqualTo("TPC0100"));
        assertThat(observer.of(CircuitOpened.class)).singleElement().satisfies(opened -> {
            assertThat(opened.openUntil()).isEqualTo(start.plusSeconds(30));
            assertThat(opened.failures()).isEqualTo(3);
            assertThat(opened.code()).isEqualTo("TPC0102");
        });

        clock.advance(Duration.ofSeconds(30));
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        manager.accessToken();

        assertThat(observer.of(CircuitClosed.class)).containsExactly(new CircuitClosed(clock.instant(), 3));
        TokenStatus closed = manager.status();
        assertThat(closed.ready()).isTrue();
        assertThat(closed.circuitOpenUntil()).isEmpty();
        assertThat(closed.lastFailure()).map(TokenRequestFailed::code).contains("TPC0100");
    }

    @Test
    void aFailedSaveIsAProblemUntilASaveSucceeds() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        RecordingStore store = new RecordingStore(null).failSaves(1, () -> new IllegalStateException("disk full"));
        TokenManager manager = observed(Map.of(), store, observer);

        manager.accessToken();
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(manager.status().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(TokenProblem.Kind.STORE_SAVE_FAILING);
            assertThat(problem.code()).isEqualTo("TPC0112");
        });

        clock.advance(Duration.ofSeconds(1)); // past the first backoff ceiling: the next call saves again
        manager.accessToken();
        assertThat(executor.awaitIdle()).isTrue();

        assertThat(store.saved).containsExactly("refresh-1");
        assertThat(manager.status().problems()).isEmpty();
    }

    @Test
    void anObserverThatThrowsBreaksNothingAndIsLoggedOnce() {
        passwordThenRefresh();
        TokenObserver throwing = new TokenObserver() {

            @Override
            public void obtained(TokenObtained obtained) {
                throw new IllegalStateException("observer bug");
            }
        };
        TokenManager manager = observed(Map.of(), TokenManager.NO_STORE, throwing);

        assertThat(manager.accessToken()).isEqualTo("access-1");
        clock.advance(Duration.ofSeconds(600));
        assertThat(manager.accessToken()).isEqualTo("access-2");

        assertThat(manager.status().refreshGrants()).isEqualTo(1); // the history hears it before the observer
        assertThat(log.withCode("TPC0301")).singleElement().satisfies(record -> assertThat(record.getMessage())
                .contains(IllegalStateException.class.getName()).doesNotContain("observer bug"));
    }

    @Test
    void manyCallersAtTheFirstNeedMakeOneGrantAndOneEvent() throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600).withFixedDelay(100)));
        TokenManager manager = observed(Map.of());
        ExecutorService callers = Executors.newFixedThreadPool(50);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(manager::accessToken);
            }
            for (Future<String> call : callers.invokeAll(calls)) {
                assertThat(call.get()).isEqualTo("access-1");
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(observer.events).singleElement().isInstanceOf(TokenObtained.class);
        assertThat(manager.status().passwordGrants()).isEqualTo(tokenRequests().size()).isEqualTo(1);
    }

    @Test
    void neitherTheStatusNorAnyEventHoldsASecretOrAToken() {
        passwordThenRefresh();
        server.stubFor(tokenRequest("refresh_token").willReturn(oauthError(400, "invalid_grant", "Expired")));
        TokenManager manager = observed(Map.of());
        manager.accessToken();
        clock.advance(Duration.ofSeconds(600));
        catchThrowable(manager::accessToken);

        // a record's toString shows every component, nested records, lists and optionals included
        List<String> shown = new ArrayList<>(List.of(manager.status().toString()));
        observer.events.forEach(event -> shown.add(event.toString()));

        assertThat(observer.events).isNotEmpty();
        assertThat(shown).allSatisfy(text -> assertThat(text).doesNotContain(SECRETS));
        assertThat(log.records()).allSatisfy(record -> assertThat(LogCapture.formatted(record))
                .doesNotContain(SECRETS));
    }

    @Test
    void aSaveProblemClearsOnceTheStoreHoldsTheNewestStateThoughThisClientWroteNothing() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        RecordingStore store = new RecordingStore(null).failSaves(1, () -> new IllegalStateException("disk full"));
        TokenManager manager = observed(Map.of(), store.locking(), observer);
        manager.accessToken();
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(manager.status().problems()).extracting(TokenProblem::kind)
                .containsExactly(TokenProblem.Kind.STORE_SAVE_FAILING);

        clock.advance(Duration.ofSeconds(600)); // expired; meanwhile another server obtained and stored a state
        Instant now = clock.instant();
        store.storedByAnother(new StoredTokens("refresh-b", "access-b", now, now.plusSeconds(600), 7));
        assertThat(manager.accessToken()).isEqualTo("access-b"); // adopted under the claim, nothing sent
        clock.advance(Duration.ofSeconds(5));
        assertThat(manager.accessToken()).isEqualTo("access-b"); // the due save retry finds the newest stored
        assertThat(executor.awaitIdle()).isTrue();

        TokenStatus status = manager.status();
        assertThat(status.state()).isEqualTo(TokenStatus.State.VALID);
        assertThat(status.problems()).isEmpty();
    }

    @Test
    void aDueSaveIsRetriedByTheStatusReadingItselfWithoutACall() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        RecordingStore store = new RecordingStore(null).failSaves(1, () -> new IllegalStateException("disk full"));
        TokenManager manager = observed(Map.of(), store, observer);
        manager.accessToken();
        assertThat(executor.awaitIdle()).isTrue();

        clock.advance(Duration.ofSeconds(1)); // past the first backoff ceiling
        assertThat(manager.status().problems()).extracting(TokenProblem::kind)
                .containsExactly(TokenProblem.Kind.STORE_SAVE_FAILING); // this reading hands the retry over
        assertThat(executor.awaitIdle()).isTrue();

        assertThat(store.saved).containsExactly("refresh-1");
        assertThat(manager.status().problems()).isEmpty();
        assertThat(tokenRequests()).hasSize(1);
    }

    @Test
    void rejectedClientCredentialsAreNoProblemWhileATokenFromTheStoreServesTheCalls() {
        server.stubFor(tokenRequest("password").willReturn(oauthError(401, "invalid_client", "Bad client")));
        RecordingStore store = new RecordingStore(null);
        TokenManager manager = observed(Map.of(), store.locking(), observer);
        assertThat(catchThrowable(manager::accessToken)).isInstanceOf(InvalidClientException.class);

        Instant now = clock.instant();
        store.storedByAnother(new StoredTokens("refresh-b", "access-b", now, now.plusSeconds(600), 7));
        assertThat(manager.accessToken()).isEqualTo("access-b");

        TokenStatus status = manager.status();
        assertThat(status.state()).isEqualTo(TokenStatus.State.VALID);
        assertThat(status.problems()).isEmpty();
    }

    @Test
    void rejectedClientCredentialsCountForOneBreakerDelaySoThatAReadinessGateDoesNotKeepCallsAwayForever() {
        server.stubFor(tokenRequest("password").willReturn(oauthError(401, "invalid_client", "Bad client")));
        TokenManager manager = observed(Map.of());
        catchThrowable(manager::accessToken);

        clock.advance(Duration.ofSeconds(29));
        assertThat(manager.status().problems()).extracting(TokenProblem::kind)
                .containsExactly(TokenProblem.Kind.CLIENT_REJECTED);
        clock.advance(Duration.ofSeconds(1)); // the default breaker delay, 30 s: the next call tries again

        assertThat(manager.status().problems()).isEmpty();
        assertThat(tokenRequests()).hasSize(1);
    }

    @Test
    void aDeadChainLooksIntoTheStoreWhenTheStatusIsReadAndTheOneTimeLoginEndsTheProblemWithoutACall() {
        server.stubFor(tokenRequest("refresh_token")
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        RecordingStore store = new RecordingStore("seed-refresh");
        TokenManager manager = observed(noPassword(""), store, observer);
        catchThrowable(manager::accessToken);
        assertThat(manager.status().problems()).extracting(TokenProblem::kind)
                .containsExactly(TokenProblem.Kind.REFRESH_TOKEN_CHAIN_ENDED);
        assertThat(executor.awaitIdle()).isTrue(); // that reading looked into the store at once: nothing new there

        store.storedByAnother("refresh-from-login"); // the one-time login
        clock.advance(Duration.ofSeconds(5)); // one revival pace
        manager.status(); // hands the look into the store over
        assertThat(executor.awaitIdle()).isTrue();

        assertThat(manager.status().problems()).isEmpty();
        assertThat(manager.state().refreshToken()).isEqualTo("refresh-from-login");
        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=seed-refresh");
    }

    @Test
    void noThreadForTheLookIntoTheStoreIsNoFailureOfTheStatusReading() {
        server.stubFor(tokenRequest("refresh_token")
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        TokenManager manager = observed(noPassword(""), new RecordingStore("seed-refresh"), observer);
        catchThrowable(manager::accessToken);
        clock.advance(Duration.ofSeconds(5)); // one revival pace
        int before = executor.executed();
        executor.failNext(new OutOfMemoryError("unable to create native thread"));

        assertThat(manager.status().problems()).extracting(TokenProblem::kind)
                .containsExactly(TokenProblem.Kind.REFRESH_TOKEN_CHAIN_ENDED);
        clock.advance(Duration.ofSeconds(5));
        manager.status(); // the next pace looks again
        assertThat(executor.awaitIdle()).isTrue();

        assertThat(executor.executed() - before).as("the refused look, then the next one and its store read")
                .isEqualTo(3);
    }

    @Test
    void aLookIntoTheStoreThatHangsIsNotJoinedByAnotherOnePaceLater() {
        server.stubFor(tokenRequest("refresh_token")
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        TokenManager manager = observed(noPassword(""), new RecordingStore("seed-refresh"), observer);
        catchThrowable(manager::accessToken);
        int before = executor.executed();
        executor.hold();

        for (int pace = 1; pace <= 3; pace++) {
            clock.advance(Duration.ofSeconds(5));
            manager.status();
        }

        assertThat(executor.executed() - before).as("looks handed over while the first has not ended").isEqualTo(1);
        executor.release();
    }

    @Test
    void aSaveProblemEndsWhenTheNextAnswerIsSaved() {
        passwordThenRefresh();
        RecordingStore store = new RecordingStore(null).failSaves(1, () -> new IllegalStateException("disk full"));
        TokenManager manager = observed(Map.of(), store, observer);
        manager.accessToken();
        assertThat(executor.awaitIdle()).isTrue();
        manager.invalidate();

        assertThat(manager.accessToken()).isEqualTo("access-2");

        assertThat(store.saved).containsExactly("refresh-2");
        assertThat(manager.status().problems()).isEmpty();
    }
}
