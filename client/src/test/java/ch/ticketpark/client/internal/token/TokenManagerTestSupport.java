package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.TOKEN_PATH;
import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Fixtures.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.observe.TokenObserver;
import ch.ticketpark.client.internal.resilience.Sleeper;
import ch.ticketpark.client.spi.TokenStore;
import ch.ticketpark.client.support.Fixtures;
import ch.ticketpark.client.support.GatedExecutor;
import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.support.MapConfig;
import ch.ticketpark.client.support.MutableClock;
import ch.ticketpark.client.support.RecordingSleeper;
import ch.ticketpark.client.support.SharedWireMock;

/**
 * What the tests of token managers against a token endpoint share: a WireMock token endpoint, a clock moved by hand,
 * a sleeper that moves it, an executor that can hold or refuse tasks, the client's log records, and token managers
 * built on them (jitter off: every backoff delay is its ceiling), closed after each test.
 */
abstract class TokenManagerTestSupport {

    static final String PASSWORD_BODY = "grant_type=password&username=jane%40example.com&password=pa55word-of-jane";
    static final String REFRESH_1_BODY = "grant_type=refresh_token&refresh_token=refresh-1";

    @RegisterExtension
    static SharedWireMock server = Fixtures.wireMock();

    @RegisterExtension
    final LogCapture log = new LogCapture();

    final MutableClock clock = new MutableClock();
    final RecordingSleeper sleeper = new RecordingSleeper(clock);
    final GatedExecutor executor = new GatedExecutor();
    private final List<TokenManager> managers = new ArrayList<>();

    @AfterEach
    void stopManagers() {
        executor.shutdownNow();
        managers.forEach(TokenManager::close);
    }

    /** A configuration without username and password, starting from the given refresh token. */
    static Map<String, String> noPassword(String refreshToken) {
        Map<String, String> config = new HashMap<>();
        config.put(TicketparkConfig.USERNAME, "");
        config.put(TicketparkConfig.PASSWORD, "");
        config.put(TicketparkConfig.REFRESH_TOKEN, refreshToken);
        return config;
    }

    /** The password grant answers access-1/refresh-1, a refresh with refresh-1 access-2/refresh-2. */
    static void passwordThenRefresh() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(token("access-2", "refresh-2", 600)));
    }

    /** As {@link #passwordThenRefresh()}, and a refresh with refresh-2 answers access-3/refresh-3. */
    static void passwordThenTwoRefreshes() {
        passwordThenRefresh();
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-2"))
                .willReturn(token("access-3", "refresh-3", 600)));
    }

    TokenManager manager(Map<String, String> overrides) {
        return manager(overrides, TokenManager.NO_STORE);
    }

    TokenManager manager(Map<String, String> overrides, TokenStore store) {
        return manager(overrides, store, sleeper);
    }

    TokenManager manager(Map<String, String> overrides, TokenStore store, Sleeper pause) {
        return manager(overrides, store, pause, clock);
    }

    /** @param overrides configuration on top of a valid one; an empty value removes the key */
    TokenManager manager(Map<String, String> overrides, TokenStore store, Sleeper pause, Clock time) {
        return closing(new TokenManager(MapConfig.load(server.baseUrl(), overrides), time, executor, alarm(time),
                pause, () -> 1.0, store, TokenObserver.NONE));
    }

    /**
     * An alarm that keeps this clock's time, so that every test of the lifecycle runs with calls served without a look
     * at the clock while their token is fresh; none for a clock of another kind.
     */
    static Alarm alarm(Clock time) {
        return time instanceof MutableClock mutable ? new ManualAlarm(mutable) : null;
    }

    /** Closes this manager after the test. */
    TokenManager closing(TokenManager manager) {
        managers.add(manager);
        return manager;
    }

    /** The token requests (each asking for JSON), in the order the endpoint received them. */
    static List<LoggedRequest> tokenRequests() {
        return server
                .findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)).withHeader("Accept", equalTo("application/json")));
    }

    /** The bodies of the token requests, in the order the endpoint received them. */
    static List<String> bodies() {
        return tokenRequests().stream().map(LoggedRequest::getBodyAsString).toList();
    }

    /** How many token requests sent this refresh token. */
    static long sent(String refreshToken) {
        return bodies().stream().filter(body -> body.endsWith("refresh_token=" + refreshToken)).count();
    }

    /** Waits until the endpoint has received this many requests; a guard against hanging, not a timing. */
    static void awaitSent(int requests) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (tokenRequests().size() < requests) {
            assertThat(System.nanoTime()).isLessThan(end);
            Thread.onSpinWait();
        }
    }

    /** Calls {@code accessToken()} on a thread of its own, started here; the token or the failure completes the outcome. */
    static Thread caller(TokenManager manager, CompletableFuture<String> outcome) {
        Thread thread = new Thread(() -> {
            try {
                outcome.complete(manager.accessToken());
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
            }
        });
        thread.start();
        return thread;
    }

    /**
     * Waits until the thread waits with a timeout (a caller waiting for a token request's outcome); a guard against
     * hanging, not a timing.
     */
    static void awaitTimedWaiting(Thread thread) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).isLessThan(end);
            Thread.onSpinWait();
        }
    }

    /** Waits until the executor holds this many tasks; a guard against hanging, not a timing. */
    void awaitHeld(int tasks) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (executor.held() < tasks) {
            assertThat(System.nanoTime()).isLessThan(end);
            Thread.onSpinWait();
        }
    }
}
