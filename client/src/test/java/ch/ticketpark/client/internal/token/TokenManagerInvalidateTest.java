package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Fixtures.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ch.ticketpark.client.exception.TokenReissueDeferredException;
import ch.ticketpark.client.exception.TokenRejectedException;
import ch.ticketpark.client.internal.rest.BearerTokenFilter;
import ch.ticketpark.client.internal.rest.TicketparkResponseFilter;
import ch.ticketpark.client.support.RealTime;
import ch.ticketpark.client.support.Stubs;

/**
 * What {@link TokenManager#invalidate(String)} does when the API rejects a token (401): the next caller gets a new
 * token, never the rejected one nor one requested before the rejection; a token that was itself a reissue and is
 * rejected before the API accepted it is replaced only after the reissue interval, so a storm of 401s costs one token
 * request.
 */
class TokenManagerInvalidateTest extends TokenManagerTestSupport {

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void fiftyCallersWhoseTokensAreAllRejectedCauseOneReissueThenWaitForTheInterval() throws Exception {
        passwordThenTwoRefreshes();
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
        passwordThenTwoRefreshes();
        TokenManager manager = manager(Map.of());
        manager.invalidate(manager.accessToken()); // a revocation: one reissue
        String reissued = manager.accessToken();
        manager.accepted(reissued); // the replay went through

        manager.invalidate(reissued); // revoked again, later: no storm

        assertThat(manager.accessToken()).isEqualTo("access-3");
    }

    /**
     * Only the API's own answers end a reissue streak: a gateway's 503 or 429 between a reissued token and
     * its 401 is no acceptance (the next token request is deferred), a 200 is (a new token is obtained at once).
     */
    @Test
    void onlyTheApisOwnAnswersEndAReissueStreak() {
        passwordThenTwoRefreshes();

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

    /** A token that replaced one that merely expired is no reissue: when the API rejects it, it is replaced at once. */
    @Test
    void tokenThatReplacedAnExpiredOneIsNoReissue() {
        passwordThenTwoRefreshes();
        TokenManager manager = manager(Map.of());
        manager.accessToken();
        clock.advance(Duration.ofSeconds(600)); // expired: the next caller refreshes it
        assertThat(manager.accessToken()).isEqualTo("access-2");

        manager.invalidate("access-2");

        assertThat(manager.accessToken()).isEqualTo("access-3");
    }

    /** A reissued token that expires is replaced by a regular token: when the API rejects that, it is replaced at once. */
    @Test
    void tokenThatReplacedAnExpiredReissueIsNoReissue() {
        passwordThenTwoRefreshes();
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-3"))
                .willReturn(token("access-4", "refresh-4", 600)));
        TokenManager manager = manager(Map.of());
        manager.invalidate(manager.accessToken());
        assertThat(manager.accessToken()).isEqualTo("access-2"); // the reissue
        clock.advance(Duration.ofSeconds(600));
        assertThat(manager.accessToken()).isEqualTo("access-3"); // it expired: a regular refresh

        manager.invalidate("access-3");

        assertThat(manager.accessToken()).isEqualTo("access-4");
    }

    @Test
    void explicitInvalidateDoesNotBypassTheReissueInterval() {
        passwordThenTwoRefreshes();
        TokenManager manager = manager(Map.of());
        manager.invalidate(manager.accessToken());
        manager.invalidate(manager.accessToken()); // the reissue was rejected too: the interval runs

        manager.invalidate(); // an application that forgets every rejected token

        assertThat(catchThrowable(manager::accessToken)).isInstanceOf(TokenReissueDeferredException.class);
        clock.advance(Duration.ofSeconds(10));
        assertThat(manager.accessToken()).isEqualTo("access-3");
        assertThat(bodies()).hasSize(3);
    }

    /**
     * The reissue deferral applies only to a reissued token: a regular token rejected, then the wall clock
     * stepped back 5 s, and the next call obtains a token.
     */
    @Test
    void rejectedRegularTokenIsReplacedAfterTheClockSteppedBack() throws Exception {
        passwordThenTwoRefreshes();
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

    @Test
    @RealTime
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

    /** The owner of a request gets no token whose request was sent before the API rejected a token. */
    @Test
    void ownerDoesNotGetATokenRequestedBeforeTheRejection() throws Exception {
        passwordThenTwoRefreshes();
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

    /** A caller that joined a request gets no token whose request was sent before the API rejected a token. */
    @Test
    void joinerDoesNotGetATokenRequestedBeforeTheRejection() throws Exception {
        passwordThenTwoRefreshes();
        TokenManager manager = manager(Map.of(), TokenManager.NO_STORE);
        String old = manager.accessToken();
        clock.advance(Duration.ofSeconds(601)); // expired: the next caller owns the refresh
        executor.hold();
        Future<String> owner = callers.submit(manager::accessToken);
        awaitHeld(1); // the owner's attempt is about to be sent
        CompletableFuture<String> joined = new CompletableFuture<>();
        Thread joiner = caller(manager, joined);
        awaitTimedWaiting(joiner); // it waits for the owner's request
        clock.advance(Duration.ofSeconds(1));

        manager.invalidate(old); // a late 401 for the old token, after the refresh was requested
        executor.release();

        assertThat(joined.get(10, TimeUnit.SECONDS)).isEqualTo("access-3");
        assertThat(owner.get(10, TimeUnit.SECONDS)).isEqualTo("access-3");
        assertThat(bodies()).containsExactly(PASSWORD_BODY, REFRESH_1_BODY,
                "grant_type=refresh_token&refresh_token=refresh-2");
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
        Throwable thrown = catchThrowable(() -> filter.filter(Stubs.request("GET",
                URI.create(server.baseUrl() + "/events/"), BearerTokenFilter.BEARER + accessToken),
                Stubs.response(status, null)));
        if (status == 401) {
            assertThat(thrown).isInstanceOf(TokenRejectedException.class);
        } else {
            assertThat(thrown).isNull();
        }
    }
}
