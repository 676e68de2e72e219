package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.PASSWORD;
import static ch.ticketpark.client.support.Fixtures.SECRETS;
import static ch.ticketpark.client.support.Fixtures.TOKEN_PATH;
import static ch.ticketpark.client.support.Fixtures.oauthError;
import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Fixtures.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import ch.ticketpark.client.exception.InvalidGrantException;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.spi.TokenStore;
import ch.ticketpark.client.support.GatedExecutor;
import ch.ticketpark.client.support.MapConfig;
import ch.ticketpark.client.support.MutableClock;

class TokenManagerTest {

    private static final int CALLERS = 200;

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final MutableClock clock = new MutableClock();
    private final GatedExecutor executor = new GatedExecutor();
    private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    private final List<TokenManager> managers = new ArrayList<>();

    @AfterEach
    void stop() {
        callers.shutdownNow();
        executor.shutdownNow();
        managers.forEach(TokenManager::close);
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
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(token("access-2", "refresh-2", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-2"))
                .willReturn(token("access-3", "refresh-3", 600)));
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
                "ticketpark.refresh-token", "ticketpark.username", "ticketpark.password");
        assertThat(first.status()).isEqualTo(400);
        assertThat(second).hasMessage(first.getMessage());
        assertThat(tokenRequests()).hasSize(1);
        TokenEndpointTest.assertNoSecretIn(first);
    }

    @Test
    void wrongPasswordNamesTheKeysToCheck() {
        server.stubFor(tokenRequest("password")
                .willReturn(oauthError(400, "invalid_grant", "Invalid username and password combination")));
        TokenManager manager = manager(Map.of());

        InvalidGrantException e = catchThrowableOfType(InvalidGrantException.class, manager::accessToken);

        assertThat(e.getMessage()).startsWith("TPC0004").contains("ticketpark.username", "ticketpark.password");
        TokenEndpointTest.assertNoSecretIn(e);
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

    @Test
    void savedRefreshTokenComesFirstAndEveryRotatedOneIsSaved() {
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

        // the password is never needed, the configured token never used; an answer without one saves nothing
        assertThat(executor.awaitIdle()).isTrue(); // saves run on the executor
        assertThat(store.saved).containsExactly("refresh-1", "refresh-3");
        assertThat(tokenRequests()).extracting(LoggedRequest::getBodyAsString)
                .allMatch(body -> body.startsWith("grant_type=refresh_token"))
                .noneMatch(body -> body.contains("configured-refresh"));
    }

    @Test
    void failingStoreNeitherBreaksTheTokenNorLeaksIt() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(token("access-2", "refresh-2", 600)));
        TokenStore broken = new TokenStore() {

            @Override
            public Optional<String> load() {
                throw new IllegalStateException("database down");
            }

            @Override
            public void save(String refreshToken) {
                throw new IllegalStateException("cannot save " + refreshToken);
            }
        };
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {

            @Override
            public void publish(java.util.logging.LogRecord record) {
                // all a log handler could write: the message, its parameters and the exception with its causes
                logged.add(new java.util.logging.SimpleFormatter().format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger clientLogger = java.util.logging.Logger.getLogger("ch.ticketpark.client");
        clientLogger.addHandler(capture);
        try {
            TokenManager manager = manager(Map.of(), broken);

            assertThat(manager.accessToken()).isEqualTo("access-1");
            clock.advance(Duration.ofSeconds(600));
            assertThat(manager.accessToken()).isEqualTo("access-2");
            assertThat(executor.awaitIdle()).isTrue();
        } finally {
            clientLogger.removeHandler(capture);
        }

        assertThat(logged).anySatisfy(line -> assertThat(line).contains("TPC0111"))
                .anySatisfy(line -> assertThat(line).contains("TPC0112"))
                .allSatisfy(line -> assertThat(line).doesNotContain(SECRETS));
    }

    @Test
    void toStringShowsNoSecret() {
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        TokenManager manager = manager(Map.of());
        manager.accessToken();

        assertThat(manager.toString()).doesNotContain(SECRETS);
    }

    private TokenManager manager(Map<String, String> overrides) {
        return manager(overrides, TokenManager.NO_STORE);
    }

    private TokenManager manager(Map<String, String> overrides, TokenStore store) {
        Map<String, String> properties = MapConfig.valid(server.baseUrl());
        properties.putAll(overrides);
        properties.values().removeIf(String::isEmpty);
        TokenManager manager = new TokenManager(TicketparkConfig.load(new MapConfig(properties)), clock, executor,
                store);
        managers.add(manager);
        return manager;
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

    private static List<LoggedRequest> tokenRequests() {
        return server
                .findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)).withHeader("Accept", equalTo("application/json")));
    }

    /** A store that starts with a saved token and records what it is asked to save. */
    private static final class RecordingStore implements TokenStore {

        private final String loaded;
        private final List<String> saved = new ArrayList<>();

        RecordingStore(String loaded) {
            this.loaded = loaded;
        }

        @Override
        public Optional<String> load() {
            return Optional.of(loaded);
        }

        @Override
        public void save(String refreshToken) {
            saved.add(refreshToken);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okWithoutRefreshToken(
            String accessToken) {
        return com.github.tomakehurst.wiremock.client.WireMock.okJson(
                "{\"access_token\":\"" + accessToken + "\",\"expires_in\":600,\"token_type\":\"bearer\"}");
    }
}
