package ch.ticketpark.client.internal.config;

import static ch.ticketpark.client.internal.config.ConfigKey.Secrecy.PLAIN;
import static ch.ticketpark.client.internal.config.ConfigKey.Secrecy.SECRET;
import static ch.ticketpark.client.internal.config.Default.NONE;
import static ch.ticketpark.client.internal.config.Default.REQUIRED;
import static ch.ticketpark.client.internal.config.ValueType.bool;
import static ch.ticketpark.client.internal.config.ValueType.duration;
import static ch.ticketpark.client.internal.config.ValueType.durationUpTo;
import static ch.ticketpark.client.internal.config.ValueType.integer;
import static ch.ticketpark.client.internal.config.ValueType.oneOf;
import static ch.ticketpark.client.internal.config.ValueType.refreshToken;
import static ch.ticketpark.client.internal.config.ValueType.servletPath;
import static ch.ticketpark.client.internal.config.ValueType.text;
import static ch.ticketpark.client.internal.config.ValueType.url;
import static ch.ticketpark.client.internal.config.ValueType.webhookSecret;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import ch.ticketpark.client.Ticketpark;

/**
 * Every key of the client's configuration, each once: what it means, its name, its default, how its value is read
 * and checked, and whether it is a secret. {@link TicketparkConfig} reads, checks, copies and prints them in this
 * order; {@code docs/configuration.md} lists them (ConfigCatalogueTest compares the two). A new key is one entry here,
 * its accessor, and its name as a constant in {@link TicketparkConfig}.
 */
public enum ConfigKey {

    /** API base URL. */
    API_URL(TicketparkConfig.API_URL, Default.of(Ticketpark.DEFAULT_API_URL), url(), PLAIN),
    /** Token endpoint. */
    TOKEN_URL(TicketparkConfig.TOKEN_URL,
            new Default("<API base URL>" + TicketparkConfig.TOKEN_PATH, ConfigKey::tokenUrlOf), url(),
            PLAIN),
    /** Client key (HTTP Basic user of the token request). */
    CLIENT_KEY(TicketparkConfig.CLIENT_KEY, REQUIRED, text(), PLAIN),
    /** Client secret (HTTP Basic password of the token request). */
    CLIENT_SECRET(TicketparkConfig.CLIENT_SECRET, REQUIRED, text(), SECRET),
    /** User for the password grant. */
    USERNAME(TicketparkConfig.USERNAME, NONE, text(), PLAIN),
    /** That user's password. */
    PASSWORD(TicketparkConfig.PASSWORD, NONE, text(), SECRET),
    /** A refresh token to start from when the application's {@code TokenStore} has none. */
    REFRESH_TOKEN(TicketparkConfig.REFRESH_TOKEN, NONE, refreshToken(), SECRET),
    /** How long before expiry the token is refreshed in the background. */
    REFRESH_SKEW(TicketparkConfig.REFRESH_SKEW,
            Default.decidedWhereUsed("the smaller of 30 s and 20 % of the token's lifetime"), skew(), PLAIN),
    /** Connect timeout of the token request. */
    CONNECT_TIMEOUT(TicketparkConfig.CONNECT_TIMEOUT, Default.of("PT5S"), duration(), PLAIN),
    /** Read timeout of the token request. */
    READ_TIMEOUT(TicketparkConfig.READ_TIMEOUT, Default.of("PT10S"), duration(), PLAIN),
    /** How long a call without a valid token waits for the token request in flight. */
    TOKEN_WAIT_TIMEOUT(TicketparkConfig.TOKEN_WAIT_TIMEOUT, Default.of("PT30S"), duration(), PLAIN),
    /** Attempts of one token request. */
    TOKEN_MAX_ATTEMPTS(TicketparkConfig.TOKEN_MAX_ATTEMPTS, Default.of("4"), integer(1, 20), PLAIN),
    /** Ceiling of the first retry delay. */
    TOKEN_RETRY_INITIAL_DELAY(TicketparkConfig.TOKEN_RETRY_INITIAL_DELAY, Default.of("PT0.5S"), duration(), PLAIN),
    /** Ceiling of every retry delay. */
    TOKEN_RETRY_MAX_DELAY(TicketparkConfig.TOKEN_RETRY_MAX_DELAY, Default.of("PT10S"), duration(), PLAIN),
    /** Failed token requests in a row that open the circuit breaker. */
    CIRCUIT_BREAKER_FAILURES(TicketparkConfig.CIRCUIT_BREAKER_FAILURES, Default.of("3"), integer(1, Integer.MAX_VALUE),
            PLAIN),
    /** How long the open breaker fails calls at once before one probe request. */
    CIRCUIT_BREAKER_DELAY(TicketparkConfig.CIRCUIT_BREAKER_DELAY, Default.of("PT30S"), duration(), PLAIN),
    /** How long no new token is requested after the API rejected a token that had itself replaced a rejected one. */
    TOKEN_REISSUE_INTERVAL(TicketparkConfig.TOKEN_REISSUE_INTERVAL, Default.of("PT10S"), duration(), PLAIN),
    /** Where the token state is kept: {@code file}, {@code memory} or {@code jdbc}. */
    TOKEN_STORE(TicketparkConfig.TOKEN_STORE, Default.of(TicketparkConfig.FILE_STORE),
            oneOf(TicketparkConfig.FILE_STORE, TicketparkConfig.MEMORY_STORE, TicketparkConfig.JDBC_STORE), PLAIN),
    /** The {@code file} store's directory. */
    TOKEN_STORE_DIRECTORY(TicketparkConfig.TOKEN_STORE_DIRECTORY,
            Default.decidedWhereUsed(TicketparkConfig.DEFAULT_DIRECTORY
                    + " in the server's working directory (Liberty's ${server.output.dir})"),
            text(), PLAIN),
    /** The {@code jdbc} store's DataSource, by JNDI name. */
    TOKEN_STORE_DATASOURCE(TicketparkConfig.TOKEN_STORE_DATASOURCE, NONE, text(), PLAIN),
    /** The {@code jdbc} store's table. */
    TOKEN_STORE_TABLE(TicketparkConfig.TOKEN_STORE_TABLE, Default.of("ticketpark_token"), text(), PLAIN),
    /** Whether the {@code jdbc} store creates its table if it is missing. */
    TOKEN_STORE_CREATE_TABLE(TicketparkConfig.TOKEN_STORE_CREATE_TABLE, Default.of("false"), bool(), PLAIN),
    /** Whether the application receives Ticketpark's webhooks. */
    WEBHOOK_ENABLED(TicketparkConfig.WEBHOOK_ENABLED, Default.of("false"), bool(), PLAIN),
    /** Where, below the application's context root, the webhook receiver listens. */
    WEBHOOK_PATH(TicketparkConfig.WEBHOOK_PATH, Default.of(TicketparkConfig.DEFAULT_WEBHOOK_PATH), servletPath(),
            PLAIN),
    /** The last path segment of the webhook URL registered with Ticketpark. */
    WEBHOOK_SECRET(TicketparkConfig.WEBHOOK_SECRET, NONE, webhookSecret(), SECRET),
    /** Whether a webhook's records are read from the API before its event is fired. */
    WEBHOOK_READ_BACK(TicketparkConfig.WEBHOOK_READ_BACK, Default.of("true"), bool(), PLAIN),
    /** Deliveries accepted but not yet processed, at most. */
    WEBHOOK_QUEUE_SIZE(TicketparkConfig.WEBHOOK_QUEUE_SIZE, Default.of("1000"), integer(1, 10_000), PLAIN),
    /** Deliveries processed at the same time, at most. */
    WEBHOOK_WORKERS(TicketparkConfig.WEBHOOK_WORKERS, Default.of("2"), integer(1, 64), PLAIN),
    /** How long a delivery is remembered, so that the same one again fires no second event. */
    WEBHOOK_DEDUP_WINDOW(TicketparkConfig.WEBHOOK_DEDUP_WINDOW, Default.of("PT10M"), durationUpTo(Duration.ofDays(1),
            "a longer memory would hold more deliveries than it can keep"), PLAIN);

    /** Whether a value may be shown: a secret's never is, in no message, log line or {@code toString()}. */
    enum Secrecy {
        PLAIN, SECRET
    }

    private final String key;
    private final Default defaultValue;
    private final ValueType type;
    private final boolean secret;

    ConfigKey(String key, Default defaultValue, ValueType type, Secrecy secrecy) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.type = type;
        this.secret = secrecy == SECRET;
    }

    /** @return the name of the key, as it is configured */
    public String key() {
        return key;
    }

    Default defaultValue() {
        return defaultValue;
    }

    boolean secret() {
        return secret;
    }

    /**
     * Reads the value, or the default, and checks it.
     *
     * @param earlier the values of the keys before this one
     * @return the value; {@code null} if there is none or it is invalid, which {@code problems} then says
     */
    Object read(Config config, Map<ConfigKey, Object> earlier, Problems problems) {
        String value = configured(config, key).orElseGet(() -> defaultValue.value().apply(earlier));
        if (value == null) {
            if (defaultValue.required()) {
                problems.add(key, key + " is required but not set");
            }
            return null;
        }
        return type.read(key, value, problems);
    }

    /** The value as configured, stripped; a blank one counts as unset. */
    static Optional<String> configured(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** @return {@code name=value} for {@code toString()}, with a secret masked */
    String show(Object value) {
        String shown = value == null ? defaultValue.absent() : secret ? "****" : value.toString();
        return field() + "=" + shown;
    }

    /** The accessor's name: {@code TOKEN_URL} is {@code tokenUrl}. */
    private String field() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder field = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            field.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return field.toString();
    }

    /** A longer skew could never take effect: it is capped to half the lifetime, which is capped to one day. */
    private static ValueType skew() {
        return durationUpTo(Duration.ofHours(12), "the client refreshes at most half a token's lifetime ahead of its "
                + "expiry, and believes no lifetime longer than a day");
    }

    private static String tokenUrlOf(Map<ConfigKey, Object> earlier) {
        if (!(earlier.get(API_URL) instanceof URI api)) {
            return null; // the API URL is invalid, and reported as such
        }
        String base = api.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + TicketparkConfig.TOKEN_PATH;
    }
}
