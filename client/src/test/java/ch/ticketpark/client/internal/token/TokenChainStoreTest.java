package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.oauthError;
import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Fixtures.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ch.ticketpark.client.exception.InvalidGrantException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;
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
}
