package ch.ticketpark.client.internal.config;

import static ch.ticketpark.client.support.Fixtures.CLIENT_SECRET;
import static ch.ticketpark.client.support.Fixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ch.ticketpark.client.exception.TicketparkConfigurationException;
import ch.ticketpark.client.support.MapConfig;

class TicketparkConfigTest {

    @Test
    void defaultsPointAtTheProductionApi() {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        properties.remove(TicketparkConfig.API_URL);

        TicketparkConfig config = load(properties);

        assertThat(config.apiUrl()).isEqualTo(URI.create("https://api.ticketpark.ch"));
        assertThat(config.tokenUrl()).isEqualTo(URI.create("https://api.ticketpark.ch/oauth/v2/token"));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.refreshSkew()).isEmpty();
    }

    @Test
    void tokenUrlFollowsTheApiUrlUnlessSet() {
        Map<String, String> properties = MapConfig.valid("http://localhost:9080/sandbox/");
        assertThat(load(properties).tokenUrl()).isEqualTo(URI.create("http://localhost:9080/sandbox/oauth/v2/token"));

        properties.put(TicketparkConfig.TOKEN_URL, "https://auth.example.com/token");
        assertThat(load(properties).tokenUrl()).isEqualTo(URI.create("https://auth.example.com/token"));
    }

    @Test
    void everyMissingKeyIsNamedAtOnce() {
        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> TicketparkConfig.load(new MapConfig(Map.of(TicketparkConfig.TOKEN_STORE, "memory"))));

        assertThat(e.keys()).contains("ticketpark.client-key", "ticketpark.client-secret", "ticketpark.username",
                "ticketpark.password", "ticketpark.refresh-token");
        assertThat(e.getMessage()).startsWith("TPC0001").contains("ticketpark.client-key is required",
                "ticketpark.client-secret is required");
    }

    @Test
    void aBlankValueCountsAsUnset() {
        Map<String, String> properties = MapConfig.valid(" ");
        properties.put(TicketparkConfig.CLIENT_KEY, " \t");

        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> load(properties));

        assertThat(e.keys()).containsExactly(TicketparkConfig.CLIENT_KEY);
        assertThat(e.getMessage()).contains("ticketpark.client-key is required but not set");
        properties.put(TicketparkConfig.CLIENT_KEY, "client-key-1");
        assertThat(load(properties).apiUrl()).isEqualTo(URI.create("https://api.ticketpark.ch"));
    }

    @Test
    void missingClientSecretIsNamed() {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        properties.remove(TicketparkConfig.CLIENT_SECRET);

        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> load(properties));

        assertThat(e.keys()).containsExactly("ticketpark.client-secret");
        assertThat(e.getMessage()).contains("ticketpark.client-secret is required but not set");
    }

    @Test
    void withTheMemoryStoreAUsernameWithoutPasswordIsRefused() {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        properties.remove(TicketparkConfig.PASSWORD);
        properties.put(TicketparkConfig.TOKEN_STORE, "memory");

        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> load(properties));

        assertThat(e.keys()).containsExactly("ticketpark.username", "ticketpark.password",
                "ticketpark.refresh-token");
        assertThat(e.getMessage()).contains("the ticketpark.token-store memory holds none after a start");
    }

    @Test
    void aStoreThatSurvivesRestartsNeedsNeitherPasswordNorRefreshToken() {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        properties.remove(TicketparkConfig.PASSWORD);

        assertThat(load(properties).password()).isEmpty();
        properties.put(TicketparkConfig.TOKEN_STORE, "JDBC");
        properties.put(TicketparkConfig.TOKEN_STORE_DATASOURCE, "jdbc/ticketpark");
        assertThat(load(properties).tokenStore()).isEqualTo("jdbc");
    }

    @Test
    void aPasswordNeedsItsUser() {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        properties.remove(TicketparkConfig.USERNAME);

        assertThat(catchThrowableOfType(TicketparkConfigurationException.class, () -> load(properties)).keys())
                .containsExactly("ticketpark.username");
    }

    @Test
    void theJdbcStoreNeedsItsDataSourceAndTheStoreKindIsOneOfThree() {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        properties.put(TicketparkConfig.TOKEN_STORE, "jdbc");

        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> load(properties));
        assertThat(e.keys()).containsExactly("ticketpark.token-store.datasource");
        assertThat(e.getMessage()).contains("required with ticketpark.token-store=jdbc");

        properties.put(TicketparkConfig.TOKEN_STORE, "redis");
        e = catchThrowableOfType(TicketparkConfigurationException.class, () -> load(properties));
        assertThat(e.keys()).containsExactly("ticketpark.token-store");
        assertThat(e.getMessage()).contains("must be one of file, memory, jdbc, but is 'redis'");
        properties.put(TicketparkConfig.TOKEN_STORE, "memory");
        properties.put(TicketparkConfig.TOKEN_STORE_CREATE_TABLE, "yes");
        e = catchThrowableOfType(TicketparkConfigurationException.class, () -> load(properties));
        assertThat(e.keys()).containsExactly("ticketpark.token-store.create-table");
    }

    @Test
    void theStoreKeysHaveTheirDefaults() {
        TicketparkConfig config = load(MapConfig.valid("https://api.ticketpark.ch"));

        assertThat(config.tokenStore()).isEqualTo("file");
        assertThat(config.tokenStoreDirectory()).isEmpty();
        assertThat(config.tokenStoreDatasource()).isEmpty();
        assertThat(config.tokenStoreTable()).isEqualTo("ticketpark_token");
        assertThat(config.tokenStoreCreateTable()).isFalse();
    }

    @Test
    void refreshTokenAloneIsEnough() {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        properties.remove(TicketparkConfig.USERNAME);
        properties.remove(TicketparkConfig.PASSWORD);
        properties.put(TicketparkConfig.REFRESH_TOKEN, "seed-refresh");

        assertThat(load(properties).refreshToken()).contains("seed-refresh");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ticketpark/mp-rest/url", "ticketpark.token-url"})
    void plainHttpToARemoteHostIsRefused(String key) {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        properties.put(key, "http://api.ticketpark.ch");

        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> load(properties));

        assertThat(e.keys()).contains(key);
        assertThat(e.getMessage()).contains(key + " uses plain http to api.ticketpark.ch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:9080/sandbox", "http://127.0.0.1:8080", "http://127.1.2.3",
            "http://[::1]:9080", "http://app.localhost"})
    void plainHttpToLoopbackIsAllowed(String url) {
        assertThat(load(MapConfig.valid(url)).apiUrl()).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1", "http://localhost.example.com", "http://127.0.0.1.example.com",
            "ftp://localhost", "https://user:pw@api.ticketpark.ch", "not a url", "/relative"})
    void otherUrlsAreRefused(String url) {
        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> load(MapConfig.valid(url)));

        // one mistake, one problem: the token URL that would follow from it is not blamed as well
        assertThat(e.keys()).containsExactly(TicketparkConfig.API_URL);
        assertThat(e.getMessage()).doesNotContain(":pw@");
    }

    @Test
    void durationsAreIso8601AndNamedWhenInvalid() {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        properties.put(TicketparkConfig.REFRESH_SKEW, "PT45S");
        properties.put(TicketparkConfig.CONNECT_TIMEOUT, "PT1S");
        assertThat(load(properties).refreshSkew()).contains(Duration.ofSeconds(45));
        assertThat(load(properties).connectTimeout()).isEqualTo(Duration.ofSeconds(1));

        properties.put(TicketparkConfig.READ_TIMEOUT, "10 seconds");
        properties.put(TicketparkConfig.CONNECT_TIMEOUT, "-PT1S");
        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> load(properties));
        assertThat(e.keys()).containsExactly("ticketpark.connect-timeout", "ticketpark.read-timeout");
        assertThat(e.getMessage()).contains("ticketpark.read-timeout must be an ISO-8601 duration");
    }

    @Test
    void toStringMasksEverySecret() {
        Map<String, String> properties = new HashMap<>(MapConfig.valid("https://api.ticketpark.ch"));
        properties.put(TicketparkConfig.REFRESH_TOKEN, "seed-refresh");

        assertThat(load(properties).toString()).doesNotContain(CLIENT_SECRET, PASSWORD, "seed-refresh")
                .contains("client-key-1");
    }

    @Test
    void toStringNamesEachKeyByItsAccessorAndTellsUnsetFromDefault() {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        properties.remove(TicketparkConfig.USERNAME);
        properties.remove(TicketparkConfig.PASSWORD);
        properties.put(TicketparkConfig.REFRESH_TOKEN, "seed-refresh");

        assertThat(load(properties).toString()).startsWith("TicketparkConfig[apiUrl=https://api.ticketpark.ch, ")
                .contains("clientKey=client-key-1", "clientSecret=****", "username=<none>", "password=<none>",
                        "refreshToken=****", "refreshSkew=<default>", "tokenMaxAttempts=4");
    }

    @Test
    void withoutSecretsKeepsTheRestAndShowsTheSecretsAsUnset() {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        properties.put(TicketparkConfig.REFRESH_TOKEN, "seed-refresh");

        TicketparkConfig config = load(properties).withoutSecrets();

        assertThat(config.clientSecret()).isNull();
        assertThat(config.password()).isEmpty();
        assertThat(config.refreshToken()).isEmpty();
        assertThat(config.username()).contains("jane@example.com");
        assertThat(config.toString()).contains("clientSecret=<none>", "password=<none>", "refreshToken=<none>",
                "clientKey=client-key-1");
    }

    @Test
    void resilienceLimitsHaveDefaults() {
        TicketparkConfig config = load(MapConfig.valid("https://api.ticketpark.ch"));

        assertThat(config.tokenMaxAttempts()).isEqualTo(4);
        assertThat(config.tokenRetryInitialDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.tokenRetryMaxDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.circuitBreakerFailures()).isEqualTo(3);
        assertThat(config.circuitBreakerDelay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void invalidResilienceLimitsAreNamed() {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        properties.put(TicketparkConfig.TOKEN_MAX_ATTEMPTS, "0");
        properties.put(TicketparkConfig.CIRCUIT_BREAKER_FAILURES, "three");
        properties.put(TicketparkConfig.CIRCUIT_BREAKER_DELAY, "PT0S");
        properties.put(TicketparkConfig.TOKEN_RETRY_INITIAL_DELAY, "PT20S");

        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> load(properties));

        assertThat(e.keys()).containsExactlyInAnyOrder("ticketpark.token-max-attempts",
                "ticketpark.circuit-breaker-failures", "ticketpark.circuit-breaker-delay",
                "ticketpark.token-retry-initial-delay");
        assertThat(e.getMessage()).contains("ticketpark.token-max-attempts must be between 1 and 20, but is 0",
                "ticketpark.circuit-breaker-failures must be a whole number, but is 'three'",
                "ticketpark.token-retry-initial-delay (PT20S) must not be longer than ticketpark.token-retry-max-delay");
    }

    @Test
    void everyRetryMayWaitUpToTheSameCeiling() {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        properties.put(TicketparkConfig.TOKEN_RETRY_INITIAL_DELAY, "PT10S");

        TicketparkConfig config = load(properties);

        assertThat(config.tokenRetryInitialDelay()).isEqualTo(config.tokenRetryMaxDelay());
    }

    @Test
    void waitTimeoutMustLeaveRoomForOneWholeAttempt() {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        properties.put(TicketparkConfig.TOKEN_WAIT_TIMEOUT, "PT10S");

        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> load(properties));

        assertThat(e.keys()).containsExactly("ticketpark.token-wait-timeout");
        assertThat(e.getMessage()).contains("must be at least ticketpark.connect-timeout + ticketpark.read-timeout");
        properties.put(TicketparkConfig.TOKEN_WAIT_TIMEOUT, "PT15S");
        assertThat(load(properties).tokenWaitTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void refreshSkewThatCouldNeverTakeEffectIsRefused() {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        properties.put(TicketparkConfig.REFRESH_SKEW, "PT12H1S");

        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> load(properties));

        assertThat(e.keys()).containsExactly(TicketparkConfig.REFRESH_SKEW);
        assertThat(e.getMessage()).contains("ticketpark.refresh-skew (PT12H1S) must not be longer than PT12H");
        properties.put(TicketparkConfig.REFRESH_SKEW, "PT12H");
        assertThat(load(properties).refreshSkew()).contains(Duration.ofHours(12));
    }

    @Test
    void reissueIntervalHasADefaultAndIsValidated() {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        assertThat(load(properties).tokenReissueInterval()).isEqualTo(Duration.ofSeconds(10));

        properties.put(TicketparkConfig.TOKEN_REISSUE_INTERVAL, "soon");
        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> load(properties));

        assertThat(e.keys()).containsExactly(TicketparkConfig.TOKEN_REISSUE_INTERVAL);
    }

    @Test
    void followingRedirectsIsRefused() {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        properties.put("ticketpark/mp-rest/followRedirects", "true");

        assertThat(catchThrowableOfType(TicketparkConfigurationException.class, () -> load(properties)).keys())
                .containsExactly("ticketpark/mp-rest/followRedirects");
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed refresh", "seed\u0007", "s\u00e9ed"})
    void refreshTokenThatCannotBeSentIsRefusedWithoutShowingIt(String token) {
        Map<String, String> properties = MapConfig.valid("https://api.ticketpark.ch");
        properties.put(TicketparkConfig.REFRESH_TOKEN, token);

        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> load(properties));

        assertThat(e.keys()).containsExactly("ticketpark.refresh-token");
        assertThat(e.getMessage()).contains("ticketpark.refresh-token contains a").doesNotContain("seed", "s\u00e9ed");
    }

    private static TicketparkConfig load(Map<String, String> properties) {
        return TicketparkConfig.load(new MapConfig(properties));
    }
}
