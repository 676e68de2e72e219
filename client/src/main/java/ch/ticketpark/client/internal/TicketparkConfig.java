package ch.ticketpark.client.internal;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import ch.ticketpark.client.Ticketpark;
import ch.ticketpark.client.TicketparkConfigurationException;

/**
 * The client's configuration, read once from MicroProfile Config and validated as a whole: one exception names every
 * missing or invalid key. {@link #toString()} masks the secrets.
 */
public record TicketparkConfig(
        URI apiUrl,
        URI tokenUrl,
        String clientKey,
        String clientSecret,
        Optional<String> username,
        Optional<String> password,
        Optional<String> refreshToken,
        Optional<Duration> refreshSkew,
        Duration connectTimeout,
        Duration readTimeout,
        Duration tokenWaitTimeout) {

    public static final String PREFIX = "ticketpark.";
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

    static final String TOKEN_PATH = "/oauth/v2/token";
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_TOKEN_WAIT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Reads and validates the configuration.
     *
     * @throws TicketparkConfigurationException naming every key that is missing or invalid
     */
    public static TicketparkConfig load(Config config) {
        Reader reader = new Reader(config);
        URI apiUrl = reader.url(API_URL, Ticketpark.DEFAULT_API_URL);
        String defaultTokenUrl = apiUrl == null ? null : stripTrailingSlash(apiUrl.toString()) + TOKEN_PATH;
        URI tokenUrl = reader.url(TOKEN_URL, defaultTokenUrl);
        String clientKey = reader.required(CLIENT_KEY);
        String clientSecret = reader.required(CLIENT_SECRET);
        Optional<String> username = reader.optional(USERNAME);
        Optional<String> password = reader.optional(PASSWORD);
        Optional<String> refreshToken = reader.optional(REFRESH_TOKEN);
        if (username.isPresent() != password.isPresent()) {
            reader.problem(username.isPresent() ? PASSWORD : USERNAME,
                    USERNAME + " and " + PASSWORD + " go together: set both or neither");
        } else if (username.isEmpty() && refreshToken.isEmpty()) {
            reader.problem(List.of(USERNAME, PASSWORD, REFRESH_TOKEN),
                    "set " + USERNAME + " and " + PASSWORD + ", or " + REFRESH_TOKEN
                            + ", so that the client can obtain a first access token");
        }
        Optional<Duration> refreshSkew = reader.duration(REFRESH_SKEW, null);
        Duration connectTimeout = reader.duration(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT).orElse(null);
        Duration readTimeout = reader.duration(READ_TIMEOUT, DEFAULT_READ_TIMEOUT).orElse(null);
        Duration tokenWaitTimeout = reader.duration(TOKEN_WAIT_TIMEOUT, DEFAULT_TOKEN_WAIT_TIMEOUT).orElse(null);
        reader.throwIfProblems();
        return new TicketparkConfig(apiUrl, tokenUrl, clientKey, clientSecret, username, password, refreshToken,
                refreshSkew, connectTimeout, readTimeout, tokenWaitTimeout);
    }

    @Override
    public String toString() {
        return "TicketparkConfig[apiUrl=" + apiUrl + ", tokenUrl=" + tokenUrl + ", clientKey=" + clientKey
                + ", clientSecret=****, username=" + username.orElse("<none>")
                + ", password=" + (password.isPresent() ? "****" : "<none>")
                + ", refreshToken=" + (refreshToken.isPresent() ? "****" : "<none>")
                + ", refreshSkew=" + refreshSkew.map(Duration::toString).orElse("<default>")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", tokenWaitTimeout=" + tokenWaitTimeout + "]";
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Collects every problem before failing, so that one deployment attempt reports them all. */
    private static final class Reader {

        private final Config config;
        private final List<String> keys = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        Reader(Config config) {
            this.config = config;
        }

        Optional<String> optional(String key) {
            return config.getOptionalValue(key, String.class).map(String::strip).filter(value -> !value.isEmpty());
        }

        String required(String key) {
            Optional<String> value = optional(key);
            if (value.isEmpty()) {
                problem(key, key + " is required but not set");
            }
            return value.orElse(null);
        }

        URI url(String key, String defaultValue) {
            String value = optional(key).orElse(defaultValue);
            if (value == null) {
                return null;
            }
            try {
                URI url = URI.create(value);
                Optional<String> reason = Urls.whyNotAllowed(url);
                if (reason.isPresent()) {
                    problem(key, key + " " + reason.get());
                    return null;
                }
                return url;
            } catch (IllegalArgumentException e) {
                problem(key, key + " is not a valid URL");
                return null;
            }
        }

        Optional<Duration> duration(String key, Duration defaultValue) {
            Optional<String> value = optional(key);
            if (value.isEmpty()) {
                return Optional.ofNullable(defaultValue);
            }
            try {
                Duration duration = Duration.parse(value.get());
                if (duration.isNegative() || (duration.isZero() && !key.equals(REFRESH_SKEW))) {
                    problem(key, key + " must be positive, but is " + value.get());
                }
                return Optional.of(duration);
            } catch (DateTimeParseException e) {
                problem(key, key + " must be an ISO-8601 duration such as PT30S, but is '" + value.get() + "'");
                return Optional.empty();
            }
        }

        void problem(String key, String problem) {
            problem(List.of(key), problem);
        }

        void problem(List<String> keys, String problem) {
            this.keys.addAll(keys);
            this.problems.add(problem);
        }

        void throwIfProblems() {
            if (!problems.isEmpty()) {
                throw new TicketparkConfigurationException(Messages.invalidConfiguration(problems), keys);
            }
        }
    }
}
