package ch.ticketpark.client.internal.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.Config;

import ch.ticketpark.client.Ticketpark;
import ch.ticketpark.client.exception.TicketparkConfigurationException;

/**
 * The client's configuration, read once from MicroProfile Config and validated as a whole: one exception names every
 * missing or invalid key. The keys, their defaults and checks are listed in {@link ConfigKey}, the checks across keys
 * in {@link ConfigRules}. {@link #toString()} masks the secrets.
 */
public final class TicketparkConfig {

    public static final String PREFIX = "ticketpark.";
    // compile-time constants: the messages in package internal name keys, but must not depend on this one at run time
    public static final String API_URL = Ticketpark.CONFIG_KEY + "/mp-rest/url";
    public static final String TOKEN_URL = PREFIX + "token-url";
    public static final String CLIENT_KEY = PREFIX + "client-key";
    public static final String CLIENT_SECRET = PREFIX + "client-secret";
    public static final String USERNAME = PREFIX + "username";
    public static final String PASSWORD = PREFIX + "password";
    public static final String REFRESH_TOKEN = PREFIX + "refresh-token";
    public static final String REFRESH_SKEW = PREFIX + "refresh-skew";
    public static final String CONNECT_TIMEOUT = PREFIX + "connect-timeout";
    public static final String READ_TIMEOUT = PREFIX + "read-timeout";
    public static final String TOKEN_WAIT_TIMEOUT = PREFIX + "token-wait-timeout";
    public static final String TOKEN_MAX_ATTEMPTS = PREFIX + "token-max-attempts";
    public static final String TOKEN_RETRY_INITIAL_DELAY = PREFIX + "token-retry-initial-delay";
    public static final String TOKEN_RETRY_MAX_DELAY = PREFIX + "token-retry-max-delay";
    public static final String CIRCUIT_BREAKER_FAILURES = PREFIX + "circuit-breaker-failures";
    public static final String CIRCUIT_BREAKER_DELAY = PREFIX + "circuit-breaker-delay";
    public static final String TOKEN_REISSUE_INTERVAL = PREFIX + "token-reissue-interval";
    public static final String TOKEN_STORE = PREFIX + "token-store";
    public static final String TOKEN_STORE_DIRECTORY = TOKEN_STORE + ".directory";
    public static final String TOKEN_STORE_DATASOURCE = TOKEN_STORE + ".datasource";
    public static final String TOKEN_STORE_TABLE = TOKEN_STORE + ".table";
    public static final String TOKEN_STORE_CREATE_TABLE = TOKEN_STORE + ".create-table";
    public static final String WEBHOOK = PREFIX + "webhook.";
    public static final String WEBHOOK_ENABLED = WEBHOOK + "enabled";
    public static final String WEBHOOK_PATH = WEBHOOK + "path";
    public static final String WEBHOOK_SECRET = WEBHOOK + "secret";
    public static final String WEBHOOK_READ_BACK = WEBHOOK + "read-back";
    public static final String WEBHOOK_QUEUE_SIZE = WEBHOOK + "queue-size";
    public static final String WEBHOOK_WORKERS = WEBHOOK + "workers";
    public static final String WEBHOOK_DEDUP_WINDOW = WEBHOOK + "dedup-window";
    public static final String DEFAULT_WEBHOOK_PATH = "/ticketpark/webhook";
    public static final int WEBHOOK_SECRET_MIN_LENGTH = 16;
    /** What {@link #WEBHOOK_PATH} may be: segments of letters, digits, {@code -_.}, each after a {@code /}. */
    public static final String WEBHOOK_PATH_PATTERN = "(/[A-Za-z0-9_.-]+)+";
    public static final String FILE_STORE = "file";
    public static final String MEMORY_STORE = "memory";
    public static final String JDBC_STORE = "jdbc";
    /** The {@code file} store's directory, relative to the working directory, unless configured. */
    public static final String DEFAULT_DIRECTORY = "ticketpark-tokens";
    /** The standard MP Rest Client key that would let a Ticketpark client follow redirects with the token. */
    public static final String FOLLOW_REDIRECTS = Ticketpark.CONFIG_KEY + "/mp-rest/followRedirects";

    static final String TOKEN_PATH = "/oauth/v2/token";

    /** Every key, in catalogue order; {@code null} where there is no value. */
    private final Map<ConfigKey, Object> values;

    /** The webhook secret's digest, which outlives the secret itself. */
    private final byte[] webhookSecretDigest;

    private TicketparkConfig(Map<ConfigKey, Object> values, byte[] webhookSecretDigest) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.webhookSecretDigest = webhookSecretDigest;
    }

    /**
     * Reads and validates the configuration.
     *
     * @throws TicketparkConfigurationException naming every key that is missing or invalid
     */
    public static TicketparkConfig load(Config config) {
        Problems problems = new Problems();
        Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            values.put(key, key.read(config, values, problems));
        }
        Object secret = values.get(ConfigKey.WEBHOOK_SECRET);
        TicketparkConfig read = new TicketparkConfig(values, secret == null ? null : sha256((String) secret));
        ConfigRules.check(read, config, problems);
        problems.throwIfAny();
        return read;
    }

    /**
     * The same configuration without the password, the client secret and the refresh token, for whoever needs only
     * the rest (the token manager keeps the secrets it still needs on its own).
     */
    public TicketparkConfig withoutSecrets() {
        Map<ConfigKey, Object> kept = new EnumMap<>(values);
        kept.replaceAll((key, value) -> key.secret() ? null : value);
        return new TicketparkConfig(kept, webhookSecretDigest);
    }

    /** The SHA-256 digest of a text's UTF-8 bytes. */
    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    public URI apiUrl() {
        return value(ConfigKey.API_URL, URI.class);
    }

    public URI tokenUrl() {
        return value(ConfigKey.TOKEN_URL, URI.class);
    }

    public String clientKey() {
        return value(ConfigKey.CLIENT_KEY, String.class);
    }

    /** @return the client secret; {@code null} {@link #withoutSecrets() without the secrets} */
    public String clientSecret() {
        return value(ConfigKey.CLIENT_SECRET, String.class);
    }

    public Optional<String> username() {
        return Optional.ofNullable(value(ConfigKey.USERNAME, String.class));
    }

    public Optional<String> password() {
        return Optional.ofNullable(value(ConfigKey.PASSWORD, String.class));
    }

    public Optional<String> refreshToken() {
        return Optional.ofNullable(value(ConfigKey.REFRESH_TOKEN, String.class));
    }

    /** @return the configured skew; empty for the default, which depends on each token's lifetime */
    public Optional<Duration> refreshSkew() {
        return Optional.ofNullable(value(ConfigKey.REFRESH_SKEW, Duration.class));
    }

    public Duration connectTimeout() {
        return value(ConfigKey.CONNECT_TIMEOUT, Duration.class);
    }

    public Duration readTimeout() {
        return value(ConfigKey.READ_TIMEOUT, Duration.class);
    }

    public Duration tokenWaitTimeout() {
        return value(ConfigKey.TOKEN_WAIT_TIMEOUT, Duration.class);
    }

    public int tokenMaxAttempts() {
        return value(ConfigKey.TOKEN_MAX_ATTEMPTS, Integer.class);
    }

    public Duration tokenRetryInitialDelay() {
        return value(ConfigKey.TOKEN_RETRY_INITIAL_DELAY, Duration.class);
    }

    public Duration tokenRetryMaxDelay() {
        return value(ConfigKey.TOKEN_RETRY_MAX_DELAY, Duration.class);
    }

    public int circuitBreakerFailures() {
        return value(ConfigKey.CIRCUIT_BREAKER_FAILURES, Integer.class);
    }

    public Duration circuitBreakerDelay() {
        return value(ConfigKey.CIRCUIT_BREAKER_DELAY, Duration.class);
    }

    public Duration tokenReissueInterval() {
        return value(ConfigKey.TOKEN_REISSUE_INTERVAL, Duration.class);
    }

    /** @return {@link #FILE_STORE}, {@link #MEMORY_STORE} or {@link #JDBC_STORE} */
    public String tokenStore() {
        return value(ConfigKey.TOKEN_STORE, String.class);
    }

    public Optional<String> tokenStoreDirectory() {
        return Optional.ofNullable(value(ConfigKey.TOKEN_STORE_DIRECTORY, String.class));
    }

    public Optional<String> tokenStoreDatasource() {
        return Optional.ofNullable(value(ConfigKey.TOKEN_STORE_DATASOURCE, String.class));
    }

    public String tokenStoreTable() {
        return value(ConfigKey.TOKEN_STORE_TABLE, String.class);
    }

    public boolean tokenStoreCreateTable() {
        return value(ConfigKey.TOKEN_STORE_CREATE_TABLE, Boolean.class);
    }

    /** @return whether the webhook receiver is on; {@code false} if the key is invalid too */
    public boolean webhookEnabled() {
        return Boolean.TRUE.equals(value(ConfigKey.WEBHOOK_ENABLED, Boolean.class));
    }

    public String webhookPath() {
        return value(ConfigKey.WEBHOOK_PATH, String.class);
    }

    /** @return the webhook secret; empty {@link #withoutSecrets() without the secrets} */
    public Optional<String> webhookSecret() {
        return Optional.ofNullable(value(ConfigKey.WEBHOOK_SECRET, String.class));
    }

    /**
     * @return the SHA-256 digest of the webhook secret, which the receiver compares with (kept
     *         {@link #withoutSecrets() without the secrets}); empty if none is set
     */
    public Optional<byte[]> webhookSecretDigest() {
        return Optional.ofNullable(webhookSecretDigest).map(byte[]::clone);
    }

    public boolean webhookReadBack() {
        return value(ConfigKey.WEBHOOK_READ_BACK, Boolean.class);
    }

    public int webhookQueueSize() {
        return value(ConfigKey.WEBHOOK_QUEUE_SIZE, Integer.class);
    }

    public int webhookWorkers() {
        return value(ConfigKey.WEBHOOK_WORKERS, Integer.class);
    }

    public Duration webhookDedupWindow() {
        return value(ConfigKey.WEBHOOK_DEDUP_WINDOW, Duration.class);
    }

    private <T> T value(ConfigKey key, Class<T> type) {
        return type.cast(values.get(key));
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(entry -> entry.getKey().show(entry.getValue()))
                .collect(Collectors.joining(", ", "TicketparkConfig[", "]"));
    }
}
