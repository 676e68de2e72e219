package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.oauthError;
import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Fixtures.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
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

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ch.ticketpark.client.exception.InvalidGrantException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.resilience.Sleeper;
import ch.ticketpark.client.spi.LockingTokenStore;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;
import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.support.RealTime;
import ch.ticketpark.client.support.RecordingStore;

/**
 * The token chain and the application's {@link TokenStore}: a store that fails or blocks while loading holds no
 * caller and ends no chain; a rejected refresh token is checked against the store once; a refresh token this client
 * spent is never adopted from it again; a save that blocks, throws or never runs costs no caller anything and is made
 * later, at the latest when the manager closes.
 */
class TokenChainStoreTest extends TokenManagerTestSupport {

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void storeThatFailsWhileTheApplicationStartsIsReadAtTheFirstNeed() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=stored-refresh"))
                .willReturn(token("access-1", "refresh-1", 600)));
        AtomicBoolean down = new AtomicBoolean(true); // the database is not ready yet while the application starts
        RecordingStore store = RecordingStore.scripted(load -> {
            if (down.get()) {
                throw new IllegalStateException("database not ready");
            }
            return Optional.of("stored-refresh");
        });
        TokenManager manager = manager(noPassword("configured-spent"), store);
        down.set(false);

        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=stored-refresh");
    }

    /** A TokenStore whose load() blocks holds no caller past token-wait-timeout. */
    @Test
    @RealTime
    void blockingStoreLoadHoldsNoCallerPastTheWaitTimeout() throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        CountDownLatch unblock = new CountDownLatch(1);
        RecordingStore store = RecordingStore.scripted(load -> {
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
            assertThat(log.records()).anySatisfy(record -> assertThat(record.getMessage()).startsWith("TPC0027"));
            assertThat(bodies()).containsExactly(PASSWORD_BODY);
        } finally {
            unblock.countDown();
        }
    }

    @Test
    void rejectedRefreshTokenIsCheckedAgainstTheStoreBeforeGivingUp() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=configured-spent"))
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=stored-refresh"))
                .willReturn(token("access-1", "refresh-1", 600)));
        // down at the first need: the configured token goes out, and is spent
        RecordingStore store = RecordingStore.scripted(load -> {
            if (load == 1) {
                throw new IllegalStateException("database not ready");
            }
            return Optional.of("stored-refresh");
        });
        TokenManager manager = manager(noPassword("configured-spent"), store);

        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=configured-spent",
                "grant_type=refresh_token&refresh_token=stored-refresh");
        assertThat(executor.awaitIdle()).isTrue(); // saves run on the executor
        assertThat(store.saved).containsExactly("refresh-1");
    }

    /** A store that cannot be read when the refresh token is rejected is not the end of the chain. */
    @Test
    void unreadableStoreAfterARejectionIsNotTheEndOfTheChain() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-c"))
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-s"))
                .willReturn(token("access-1", "refresh-2", 600)));
        RecordingStore store = RecordingStore.scripted(load -> {
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
        assertThat(log.records()).noneSatisfy(record -> assertThat(record.getMessage()).startsWith("TPC0003"));
    }

    /** The store's refresh token is not adopted again after this client spent it. */
    @Test
    void storedRefreshTokenThisClientSpentIsNotSentAgain() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-0"))
                .willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        RecordingStore store = new RecordingStore("refresh-0");
        store.onSave(refreshToken -> {
            throw new IllegalStateException("database down");
        });
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

    @Test
    void passwordFallbackIsNotSentAfterTheDeadline() {
        server.stubFor(tokenRequest("refresh_token")
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        // a slow database, read again after the refusal
        RecordingStore store = RecordingStore.scripted(load -> {
            clock.advance(Duration.ofSeconds(load == 2 ? 31 : 0));
            return Optional.of("stored-refresh");
        });
        TokenManager manager = manager(Map.of(), store);

        TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                manager::accessToken);

        assertThat(e.getMessage()).startsWith("TPC0021");
        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=stored-refresh");
    }

    /**
     * A store whose save blocks holds the answer (it is stored before any caller gets it), but no caller past its
     * bounds; once the store returns, the answer is in use without another request.
     */
    @Test
    @RealTime
    void blockingSaveHoldsNoCallerPastItsBoundAndTheAnswerCountsOnceStored() throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        CountDownLatch saving = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingStore store = new RecordingStore(null);
        store.onSave(refreshToken -> {
            saving.countDown();
            release.await();
        });
        TokenManager manager = manager(Map.of(TicketparkConfig.TOKEN_WAIT_TIMEOUT, "PT1S",
                TicketparkConfig.CONNECT_TIMEOUT, "PT0.3S", TicketparkConfig.READ_TIMEOUT, "PT0.5S",
                TicketparkConfig.TOKEN_MAX_ATTEMPTS, "1"), store);
        try {
            long start = System.nanoTime();
            Future<String> owner = callers.submit(manager::accessToken);

            assertThat(catchThrowableOfType(ExecutionException.class, () -> owner.get(5, TimeUnit.SECONDS)))
                    .hasCauseInstanceOf(TokenEndpointUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(saving.await(5, TimeUnit.SECONDS)).isTrue(); // save() was called and still blocks
            assertThat(store.saved).isEmpty();
            assertThat(manager.state().token()).isNull(); // not in use before it is stored
        } finally {
            release.countDown();
        }
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(store.saved).containsExactly("refresh-1");
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(bodies()).hasSize(1);
    }

    @Test
    void errorFromSaveKeepsTheNewPairAndTheSaveIsRetriedSoon() {
        passwordThenRefresh();
        // an Error, not an exception
        RecordingStore store = new RecordingStore(null).failSaves(1, () -> new AssertionError("disk full"));
        TokenManager manager = manager(Map.of(), store);

        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(executor.awaitIdle()).isTrue(); // saves run on the executor
        assertThat(store.saved).isEmpty();
        assertThat(log.records()).anySatisfy(record -> assertThat(record.getMessage()).startsWith("TPC0112")
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

    /** A checked exception thrown sneakily from save() neither fails the caller nor leaves a request. */
    @Test
    void checkedExceptionFromSaveIsHandledLikeAnyFailedSave() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        RecordingStore store = new RecordingStore(null);
        store.onSave(refreshToken -> {
            throw new IOException("disk full"); // checked, undeclared: a Kotlin or Lombok @SneakyThrows store
        });
        TokenManager manager = manager(Map.of(), store);

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(executor.awaitIdle()).isTrue(); // saves run on the executor
        assertThat(manager.inFlight()).isNull();
        assertThat(manager.state().saveRetryAt()).isNotNull();
        assertThat(log.records()).anySatisfy(record -> assertThat(record.getMessage()).startsWith("TPC0112")
                .contains(IOException.class.getName()).doesNotContain("refresh-1"));
        assertThat(manager.accessToken()).isEqualTo("access-1");
    }

    /** A save retry accepted by the executor but never run is handed over again a minute later. */
    @Test
    void saveRetryAcceptedButNeverRunIsHandedOverAgainLater() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        RecordingStore store = new RecordingStore(null).failSaves(1, () -> new IllegalStateException("store down"));
        TokenManager manager = manager(Map.of(), store);
        assertThat(manager.accessToken()).isEqualTo("access-1"); // its save failed: retried after 0.5 s
        clock.advance(Duration.ofSeconds(1));
        executor.holdNext(1);

        assertThat(manager.accessToken()).isEqualTo("access-1"); // hands the retry over: held, never run
        assertThat(executor.held()).isEqualTo(1);
        assertThat(store.saved).isEmpty();
        clock.advance(Duration.ofSeconds(61));
        assertThat(manager.accessToken()).isEqualTo("access-1"); // the claim on the retry ran out: handed over again

        assertThat(executor.awaitIdle()).isTrue();
        assertThat(store.saved).containsExactly("refresh-1");
        assertThat(bodies()).hasSize(1);
    }

    /** A save that failed is made again by close(), on the closing thread: the store holds the newest token. */
    @Test
    void failedSaveIsMadeAgainAtClose() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        RecordingStore store = new RecordingStore(null).failSaves(1, () -> new IllegalStateException("store down"));
        TokenManager manager = manager(Map.of(), store);
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(executor.awaitIdle()).isTrue(); // the save ran, and failed
        assertThat(store.saved).isEmpty();

        manager.close();

        assertThat(store.saved).containsExactly("refresh-1");
    }

    /**
     * A refresh token adopted from the store after a rejection is logged (TPC0024), and the spent one of an earlier
     * failed save, still pending, never overwrites it: the store gets the answer to the adopted one.
     */
    @Test
    void refreshTokenAdoptedFromTheStoreIsNotSavedBack() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-0"))
                .willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        // the other process's refresh token, answered without a new one (no rotation, nothing to save)
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-x"))
                .willReturn(okJson("{\"access_token\":\"access-2\",\"expires_in\":600,\"token_type\":\"bearer\"}")));
        RecordingStore store = RecordingStore.scripted(load -> Optional.of(load == 1 ? "refresh-0" : "refresh-x"))
                .failSaves(1, () -> new IllegalStateException("store down"));
        TokenManager manager = manager(noPassword("refresh-c"), store);
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(executor.awaitIdle()).isTrue(); // the save of refresh-1 failed: a retry is pending
        clock.advance(Duration.ofSeconds(600));

        assertThat(manager.accessToken()).isEqualTo("access-2");

        assertThat(log.withCode("TPC0024")).hasSize(1);
        manager.close(); // a pending save would be of the newest, which the store holds
        assertThat(store.saved).containsExactly("refresh-x");
        assertThat(store.current()).map(StoredTokens::accessToken).contains("access-2");
        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=refresh-0",
                "grant_type=refresh_token&refresh_token=refresh-1", "grant_type=refresh_token&refresh_token=refresh-x");
    }

    /** The last 16 refresh tokens this client spent are never adopted from the store again. */
    @Test
    void sixteenthLastSpentRefreshTokenIsNotAdoptedFromTheStore() {
        for (int i = 0; i < 16; i++) {
            server.stubFor(tokenRequest("refresh_token").withRequestBody(equalTo(refreshBody(i)))
                    .willReturn(token("access-" + (i + 1), "refresh-" + (i + 1), 600)));
        }
        server.stubFor(tokenRequest("refresh_token").withRequestBody(equalTo(refreshBody(16)))
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        // empty at the first need; after the rejection, a stale copy of the first refresh token
        RecordingStore store = RecordingStore.scripted(load -> load == 1 ? Optional.empty() : Optional.of("refresh-0"));
        TokenManager manager = manager(noPassword("refresh-0"), store);
        for (int i = 1; i <= 16; i++) {
            assertThat(manager.accessToken()).isEqualTo("access-" + i);
            clock.advance(Duration.ofSeconds(600));
        }

        InvalidGrantException e = catchThrowableOfType(InvalidGrantException.class, manager::accessToken);

        assertThat(e.getMessage()).startsWith("TPC0003");
        assertThat(sent("refresh-0")).isEqualTo(1);
        assertThat(bodies()).hasSize(17);
    }

    private static String refreshBody(int number) {
        return "grant_type=refresh_token&refresh_token=refresh-" + number;
    }

    /** Without password or refresh token, the first call says to run the login; the next call after it works. */
    @Test
    void nothingToStartFromNamesTheLoginAndTheTokenItStoresIsTakenAtTheNextCall() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=login-refresh"))
                .willReturn(token("access-1", "refresh-1", 600)));
        RecordingStore store = new RecordingStore(null);
        TokenManager manager = manager(Map.of(TicketparkConfig.PASSWORD, ""), store);

        InvalidGrantException first = catchThrowableOfType(InvalidGrantException.class, manager::accessToken);
        assertThat(first.getMessage()).startsWith("TPC0031").contains("RecordingStore",
                "ticketpark-login-<version>.jar");
        assertThat(log.withCode("TPC0031")).hasSize(1);
        store.storedByAnother("login-refresh"); // the operator ran the one-time login

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=login-refresh");
        assertThat(store.saved).containsExactly("refresh-1");
    }

    /** A dead chain reads the store at most every five seconds, and takes a refresh token it has not spent. */
    @Test
    void aDeadChainLooksForANewStartInTheStoreAtMostEveryFiveSeconds() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-c"))
                .willReturn(oauthError(400, "invalid_grant", "Refresh token has expired")));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=login-refresh"))
                .willReturn(token("access-1", "refresh-1", 600)));
        AtomicInteger loads = new AtomicInteger();
        RecordingStore store = new RecordingStore(null);
        TokenManager manager = manager(noPassword("refresh-c"), store);
        store.loads(load -> {
            loads.incrementAndGet();
            return store.current().map(StoredTokens::refreshToken);
        });

        InvalidGrantException dead = catchThrowableOfType(InvalidGrantException.class, manager::accessToken);
        assertThat(dead.getMessage()).startsWith("TPC0003").contains("ticketpark-login-<version>.jar");
        int loadsWhenDead = loads.get(); // at the first need, and once more after the rejection
        assertThat(catchThrowableOfType(InvalidGrantException.class, manager::accessToken)).isNotNull();
        assertThat(loads.get()).isEqualTo(loadsWhenDead + 1); // the first look, nothing there
        clock.advance(Duration.ofSeconds(4));
        store.storedByAnother("login-refresh");
        assertThat(catchThrowableOfType(InvalidGrantException.class, manager::accessToken)).isNotNull();
        assertThat(loads.get()).isEqualTo(loadsWhenDead + 1); // not yet: five seconds between looks
        clock.advance(Duration.ofSeconds(1));

        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=refresh-c",
                "grant_type=refresh_token&refresh_token=login-refresh");
    }

    /** The spent refresh token of a dead chain, still in the store, does not bring it back. */
    @Test
    void aDeadChainDoesNotTakeItsOwnRejectedTokenFromTheStore() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-c"))
                .willReturn(oauthError(400, "invalid_grant", "Refresh token has expired")));
        RecordingStore store = new RecordingStore("refresh-c");
        TokenManager manager = manager(noPassword("refresh-c"), store);
        assertThat(catchThrowableOfType(InvalidGrantException.class, manager::accessToken)).isNotNull();
        clock.advance(Duration.ofSeconds(5));

        assertThat(catchThrowableOfType(InvalidGrantException.class, manager::accessToken).getMessage())
                .startsWith("TPC0003");

        assertThat(bodies()).hasSize(1);
    }

    /** Without a store (memory only), a dead chain stays dead without looking. */
    @Test
    void withoutAStoreADeadChainStaysDead() {
        server.stubFor(tokenRequest("refresh_token").willReturn(
                oauthError(400, "invalid_grant", "Refresh token has expired")));
        TokenManager manager = manager(noPassword("refresh-c"));
        assertThat(catchThrowableOfType(InvalidGrantException.class, manager::accessToken)).isNotNull();
        clock.advance(Duration.ofSeconds(5));

        assertThat(catchThrowableOfType(InvalidGrantException.class, manager::accessToken)).isNotNull();

        assertThat(bodies()).hasSize(1);
    }

    /** A store that cannot be read, and nothing else to start from: not the end, read again at the next need. */
    @Test
    void nothingToStartFromAndAnUnreadableStoreIsNotTheEnd() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=stored"))
                .willReturn(token("access-1", "refresh-1", 600)));
        RecordingStore store = RecordingStore.scripted(load -> {
            if (load == 1) {
                throw new IllegalStateException("database blip");
            }
            return Optional.of("stored");
        });
        TokenManager manager = manager(Map.of(TicketparkConfig.PASSWORD, ""), store);

        assertThat(catchThrowableOfType(TokenEndpointUnavailableException.class, manager::accessToken).getMessage())
                .startsWith("TPC0032");
        assertThat(manager.state().dead()).isNull();
        assertThat(manager.accessToken()).isEqualTo("access-1");
    }

    /**
     * A pending save retry (saveNewest, on the executor) handed over while an attempt stores its answer on a
     * plain store: it used to store the refresh token the attempt had just spent, and the attempt then went on with
     * it. Now the attempt stores and publishes as the one writer, and the retry, which waits for it, finds the newest
     * stored: the chain and the store hold refresh-2, and refresh-1 goes out once.
     */
    @Test
    void aSaveRetryRacingAnAttemptsStoreDoesNotPutTheSpentRefreshTokenBackIntoTheChain() {
        passwordThenTwoRefreshes();
        RecordingStore store = new RecordingStore(null).failSaves(1, () -> new IllegalStateException("store down"));
        // the first failed save is retried after 580 s: after the refresh window opens (570 s), before expiry (600 s)
        TokenManager manager = manager(Map.of(TicketparkConfig.TOKEN_RETRY_INITIAL_DELAY, "PT580S",
                TicketparkConfig.TOKEN_RETRY_MAX_DELAY, "PT580S"), store);
        assertThat(manager.accessToken()).isEqualTo("access-1"); // its save failed: refresh-1 is pending
        AtomicBoolean raced = new AtomicBoolean();
        store.onSave(refreshToken -> {
            if (refreshToken.equals("refresh-2") && raced.compareAndSet(false, true)) {
                // while the refresh stores its answer, a caller with the still-valid access-1 hands over the retry
                clock.advance(Duration.ofSeconds(10));
                manager.accessToken();
            }
        });
        clock.advance(Duration.ofSeconds(575)); // inside the refresh window, the save retry not due yet

        assertThat(manager.accessToken()).isEqualTo("access-1"); // starts the refresh ahead of expiry
        assertThat(executor.awaitIdle()).isTrue();

        assertThat(raced).isTrue();
        assertThat(bodies()).containsExactly(PASSWORD_BODY, REFRESH_1_BODY); // refresh-1 is spent now
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(manager.state().refreshToken()).as("the refresh token the chain goes on with")
                .isEqualTo("refresh-2");
        soft.assertThat(store.current()).map(StoredTokens::refreshToken).as("the refresh token the store holds")
                .contains("refresh-2");
        clock.advance(Duration.ofSeconds(600));
        manager.accessToken();
        soft.assertThat(sent("refresh-1")).as("times the spent refresh-1 was sent").isEqualTo(1);
        soft.assertAll();
    }

    /**
     * Hold.store builds the next state (version + 1) outside its try: a store at the highest
     * version makes StoredTokens' constructor throw, which escapes past the "store failed" handling. The answer to
     * the spent refresh token is lost (never published), and the caller gets a raw IllegalArgumentException.
     */
    @Test
    void anAnswerIsKeptWhenTheStoreHoldsAVersionThatCannotGrow() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-s"))
                .willReturn(token("access-1", "refresh-1", 600)));
        RecordingStore store = new RecordingStore(null);
        store.storedByAnother(StoredTokens.ofRefreshToken("refresh-s", Long.MAX_VALUE));
        TokenManager manager = manager(noPassword("configured"), store);

        Throwable failure = catchThrowable(manager::accessToken);

        assertThat(bodies()).containsExactly("grant_type=refresh_token&refresh_token=refresh-s"); // refresh-s spent
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(manager.state().refreshToken()).as("the rotated refresh token, in memory")
                .isEqualTo("refresh-1");
        soft.assertThat(failure).as("what the caller got instead of access-1").isNull();
        soft.assertAll();
    }

    /**
     * Promise 4. With a real clock, a load() that hangs uses all of the caller's wait (StoreKeeper.load waits until the
     * request's deadline), so the request then fails with TPC0021 without sending anything, although a password is
     * configured and the endpoint answers at once; storeLoaded stays false, so every later request does the same. The
     * existing blockingStoreLoadHoldsNoCallerPastTheWaitTimeout passes only because its MutableClock never moves.
     */
    @Test
    @RealTime
    void aHangingLoadLeavesTheRequestTimeToObtainATokenWithARealClock() throws Exception {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        CountDownLatch unblock = new CountDownLatch(1);
        RecordingStore store = RecordingStore.scripted(load -> {
            unblock.await(30, TimeUnit.SECONDS);
            return Optional.empty();
        });
        TokenManager manager = manager(Map.of(TicketparkConfig.TOKEN_WAIT_TIMEOUT, "PT1S",
                TicketparkConfig.CONNECT_TIMEOUT, "PT0.3S", TicketparkConfig.READ_TIMEOUT, "PT0.5S"), store,
                Sleeper.SYSTEM, Clock.systemUTC());
        try {
            Future<String> caller = callers.submit(manager::accessToken);

            assertThat(catchThrowable(() -> caller.get(5, TimeUnit.SECONDS))).as("the caller's failure").isNull();
        } finally {
            unblock.countDown();
        }
    }

    /**
     * Promise 4. Each need reads the store again while the first load() still hangs: every caller leaves one more
     * executor thread blocked in load(). TokenThreads has 8; once they all hang, every attempt is refused (TPC0019).
     */
    @Test
    @RealTime
    void aHangingLoadIsNotStartedAgainWhileItHangs() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        CountDownLatch unblock = new CountDownLatch(1);
        AtomicInteger hanging = new AtomicInteger();
        RecordingStore store = RecordingStore.scripted(load -> {
            hanging.incrementAndGet();
            unblock.await(30, TimeUnit.SECONDS);
            return Optional.empty();
        });
        TokenManager manager = manager(Map.of(TicketparkConfig.TOKEN_WAIT_TIMEOUT, "PT0.5S",
                TicketparkConfig.CONNECT_TIMEOUT, "PT0.1S", TicketparkConfig.READ_TIMEOUT, "PT0.4S"), store,
                Sleeper.SYSTEM, Clock.systemUTC());
        try {
            for (int call = 0; call < 3; call++) {
                catchThrowable(manager::accessToken);
            }

            assertThat(hanging).as("load() calls hanging at once, each on a thread of its own").hasValue(1);
        } finally {
            unblock.countDown();
        }
    }

    /**
     * Server A rotates refresh-1 under the claim, but the store fails to write (a blip); server B
     * then claims, finds the old version (not newer than it knows), and sends the spent refresh-1: invalid_grant. B
     * cannot tell this from a chain that really ended, so, without a password, it reports TPC0003; but it looks in the
     * store again (every 5 s), and once A's retry stored the chain, B takes it, with A's access token.
     */
    @Test
    void aSaveThatFailedOnOneServerEndsTheChainOnAnotherOnlyUntilTheRetryStoresIt() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .inScenario("rotation").whenScenarioStateIs(STARTED).willSetStateTo("spent")
                .willReturn(token("access-2", "refresh-2", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .inScenario("rotation").whenScenarioStateIs("spent")
                .willReturn(oauthError(400, "invalid_grant", "Invalid refresh token")));
        RecordingStore store = new RecordingStore("refresh-1");
        LockingTokenStore shared = store.locking();
        TokenManager serverA = manager(noPassword("configured"), shared);
        TokenManager serverB = manager(noPassword("configured"), shared);
        store.failSaves(1, () -> new IllegalStateException("database blip"));
        assertThat(serverA.accessToken()).isEqualTo("access-2"); // its save failed: pending, retried soon

        assertThat(catchThrowable(serverB::accessToken)).as("what server B's caller got first")
                .isInstanceOf(InvalidGrantException.class).hasMessageStartingWith("TPC0003");
        clock.advance(Duration.ofSeconds(1));
        assertThat(serverA.accessToken()).isEqualTo("access-2"); // hands A's save retry over
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(store.current()).map(StoredTokens::refreshToken).contains("refresh-2");
        clock.advance(Duration.ofSeconds(5));

        assertThat(serverB.accessToken()).isEqualTo("access-2");

        assertThat(serverB.state().dead()).isNull();
        assertThat(bodies()).containsExactly(REFRESH_1_BODY, REFRESH_1_BODY); // none from B after the store had it
    }

    /**
     * A dead chain looks in the store at most every 5 s by the wall clock (nextRevival = now + 5 s). After the clock
     * is set back (an NTP step of an hour), no look happens until the clock is past the old instant again: the login's
     * refresh token is ignored for an hour.
     */
    @Test
    void aClockSetBackDoesNotKeepADeadChainFromLookingInTheStore() {
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-c"))
                .willReturn(oauthError(400, "invalid_grant", "Refresh token has expired")));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=login-refresh"))
                .willReturn(token("access-1", "refresh-1", 600)));
        RecordingStore store = new RecordingStore(null);
        TokenManager manager = manager(noPassword("refresh-c"), store);
        assertThat(catchThrowableOfType(InvalidGrantException.class, manager::accessToken)).isNotNull(); // dead
        assertThat(catchThrowableOfType(InvalidGrantException.class, manager::accessToken)).isNotNull(); // looked
        clock.advance(Duration.ofHours(-1)); // the clock is set back
        store.storedByAnother("login-refresh"); // the operator runs the one-time login
        clock.advance(Duration.ofSeconds(6));

        Throwable failure = catchThrowable(manager::accessToken);

        assertThat(failure).as("the call after the login, six seconds later").isNull();
    }

    /**
     * TPC0031 quotes the application's TokenStore#toString() in the exception message and the SEVERE log
     * record: a store that is a record, or has a Lombok @ToString, prints its fields, such as a seed refresh token.
     */
    @Test
    void nothingToStartFromQuotesNothingTheApplicationsStoreSays() {
        TokenStore store = new TokenStore() {

            @Override
            public Optional<StoredTokens> load() {
                return Optional.empty();
            }

            @Override
            public boolean compareAndSet(long expectedVersion, StoredTokens next) {
                return true;
            }

            @Override
            public String toString() {
                return "SeededStore[seedRefreshToken=seed-refresh]"; // a record's toString
            }
        };
        TokenManager manager = manager(Map.of(TicketparkConfig.PASSWORD, ""), store);

        InvalidGrantException e = catchThrowableOfType(InvalidGrantException.class, manager::accessToken);

        assertThat(e.getMessage()).startsWith("TPC0031");
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(e.getMessage()).doesNotContain("seed-refresh");
        soft.assertThat(log.records()).noneSatisfy(
                record -> assertThat(LogCapture.formatted(record)).contains("seed-refresh"));
        soft.assertAll();
    }

    /**
     * A password grant is guarded like a refresh token: while the first password attempt has not ended (its answer is
     * in, its save blocks past the attempt's bound), no second one goes out, which would start a second chain whose
     * answer could not enter this one. The caller's retry waits for it (TPC0025); no caller ever gets an access token
     * that was not stored. Real time: the attempt's bound is.
     */
    @Test
    @RealTime
    void aSecondPasswordGrantIsNotSentWhileTheFirstHasNotEnded() throws Exception {
        server.stubFor(tokenRequest("password").inScenario("logins").whenScenarioStateIs(STARTED)
                .willSetStateTo("second").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("password").inScenario("logins").whenScenarioStateIs("second")
                .willReturn(token("access-2", "refresh-2", 600)));
        CountDownLatch saving = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingStore store = new RecordingStore(null);
        store.onSave(refreshToken -> {
            saving.countDown();
            release.await(20, TimeUnit.SECONDS); // a slow store: longer than the attempt's bound
        });
        TokenManager manager = manager(Map.of(TicketparkConfig.TOKEN_WAIT_TIMEOUT, "PT20S",
                TicketparkConfig.CONNECT_TIMEOUT, "PT0.5S", TicketparkConfig.READ_TIMEOUT, "PT1S",
                TicketparkConfig.TOKEN_MAX_ATTEMPTS, "2"), store);
        Throwable failure;
        try {
            Future<String> caller = callers.submit(manager::accessToken);
            assertThat(saving.await(10, TimeUnit.SECONDS)).as("the first answer is being stored").isTrue();
            failure = catchThrowable(() -> caller.get(10, TimeUnit.SECONDS));
        } finally {
            release.countDown();
        }
        assertThat(executor.awaitIdle()).isTrue();

        assertThat(failure).as("the caller, which ran out of attempts while the store blocked")
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TokenEndpointUnavailableException.class)
                .hasMessageStartingWith("TPC0101").hasMessageContaining("TPC0025");
        assertThat(bodies()).as("password grants").containsExactly(PASSWORD_BODY);
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(store.states).extracting(StoredTokens::accessToken).containsExactly("access-1");
    }
}
