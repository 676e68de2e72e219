package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.oauthError;
import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Fixtures.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
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
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.resilience.Sleeper;
import ch.ticketpark.client.spi.LockingTokenStore;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;
import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.support.RealTime;
import ch.ticketpark.client.support.RecordingStore;

/**
 * Adversarial review of the token store integration (branch review-store). Every test here FAILS on purpose against
 * the production code as it is: each one pins a broken promise of the token lifecycle with a persistent store. See the
 * review report for the interleavings and suggested fixes.
 */
class TokenStoreReviewTest extends TokenManagerTestSupport {

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    /** Waits until the store holds a save of this refresh token; a guard against hanging, not a timing. */

    /**
     * Promise 1. A pending save retry (saveNewest, on the executor) handed over while an attempt stores its answer on a
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
     * Promises 1 and 4. Hold.store builds the next state (version + 1) outside its try: a store at the highest
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
     * Promises 3 and 4. Server A rotates refresh-1 under the claim, but the store fails to write (a blip); server B
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
     * Promise 5. TPC0031 quotes the application's TokenStore#toString() in the exception message and the SEVERE log
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
}
