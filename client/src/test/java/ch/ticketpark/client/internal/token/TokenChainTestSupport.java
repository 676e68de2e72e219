package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.TOKEN_PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.resilience.Sleeper;
import ch.ticketpark.client.spi.TokenStore;
import ch.ticketpark.client.support.GatedExecutor;
import ch.ticketpark.client.support.MapConfig;
import ch.ticketpark.client.support.MutableClock;
import ch.ticketpark.client.support.RecordingSleeper;

/**
 * What the tests of the token chain under failure share: a WireMock token endpoint, a clock moved by hand, a sleeper
 * that moves it, an executor that can hold or refuse tasks, the client's log lines, and token managers built on them
 * (jitter off: every backoff delay is its ceiling).
 */
abstract class TokenChainTestSupport {

    static final String PASSWORD_BODY = "grant_type=password&username=jane%40example.com&password=pa55word-of-jane";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final MutableClock clock = new MutableClock();
    final RecordingSleeper sleeper = new RecordingSleeper(clock);
    final GatedExecutor executor = new GatedExecutor();
    final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final List<TokenManager> managers = new ArrayList<>();
    private final Logger clientLogger = Logger.getLogger("ch.ticketpark.client");
    private final Handler capture = new Handler() {

        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        clientLogger.addHandler(capture);
    }

    @AfterEach
    void stopManagers() {
        clientLogger.removeHandler(capture);
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

    TokenManager manager(Map<String, String> overrides) {
        return manager(overrides, TokenManager.NO_STORE);
    }

    TokenManager manager(Map<String, String> overrides, TokenStore store) {
        return manager(overrides, store, sleeper);
    }

    /** @param overrides configuration on top of a valid one; an empty value removes the key */
    TokenManager manager(Map<String, String> overrides, TokenStore store, Sleeper pause) {
        Map<String, String> properties = new HashMap<>(MapConfig.valid(server.baseUrl()));
        properties.putAll(overrides);
        properties.values().removeIf(String::isEmpty);
        TokenManager manager = new TokenManager(TicketparkConfig.load(new MapConfig(properties)), clock, executor,
                pause, () -> 1.0, store);
        managers.add(manager);
        return manager;
    }

    /** The bodies of the token requests, in the order the endpoint received them. */
    static List<String> bodies() {
        return server.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).stream().map(LoggedRequest::getBodyAsString)
                .toList();
    }

    /** How many token requests sent this refresh token. */
    static long sent(String refreshToken) {
        return bodies().stream().filter(body -> body.endsWith("refresh_token=" + refreshToken)).count();
    }

    /** Waits until the endpoint has received this many requests; a guard against hanging, not a timing. */
    static void awaitSent(int requests) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).size() < requests) {
            assertThat(System.nanoTime()).isLessThan(end);
            Thread.onSpinWait();
        }
    }
}
