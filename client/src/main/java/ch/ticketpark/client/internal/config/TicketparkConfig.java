package ch.ticketpark.client.internal.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import ch.ticketpark.client.Ticketpark;
import ch.ticketpark.client.exception.TicketparkConfigurationException;
import ch.ticketpark.client.internal.Messages;

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
        Duration tokenWaitTimeout,
        int tokenMaxAttempts,
        Duration tokenRetryInitialDelay,
        Duration tokenRetryMaxDelay,
        int circuitBreakerFailures,
        Duration circuitBreakerDelay,
        Duration tokenReissueInterval) {

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
    public static final String TOKEN_MAX_ATTEMPTS = PREFIX + "token-max-attempts";
    public static final String TOKEN_RETRY_INITIAL_DELAY = PREFIX + "token-retry-initial-delay";
    public static final String TOKEN_RETRY_MAX_DELAY = PREFIX + "token-retry-max-delay";
    public static final String CIRCUIT_BREAKER_FAILURES = PREFIX + "circuit-breaker-failures";
    public static final String CIRCUIT_BREAKER_DELAY = PREFIX + "circuit-breaker-delay";
    public static final String TOKEN_REISSUE_INTERVAL = PREFIX + "token-reissue-interval";
    /** The standard MP Rest Client key that would let a Ticketpark client follow redirects with the token. */
    public static final String FOLLOW_REDIRECTS = Ticketpark.CONFIG_KEY + "/mp-rest/followRedirects";

    static final String TOKEN_PATH = "/oauth/v2/token";
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_TOKEN_WAIT_TIMEOUT = Duration.ofSeconds(30);
    static final int DEFAULT_TOKEN_MAX_ATTEMPTS = 4;
    static final int MAX_TOKEN_MAX_ATTEMPTS = 20;
    static final Duration DEFAULT_TOKEN_RETRY_INITIAL_DELAY = Duration.ofMillis(500);
    static final Duration DEFAULT_TOKEN_RETRY_MAX_DELAY = Duration.ofSeconds(10);
    static final int DEFAULT_CIRCUIT_BREAKER_FAILURES = 3;
    static final Duration DEFAULT_CIRCUIT_BREAKER_DELAY = Duration.ofSeconds(30);
    static final Duration DEFAULT_TOKEN_REISSUE_INTERVAL = Duration.ofSeconds(10);
    /** A longer skew can never take effect: it is capped to half the lifetime, which is capped to one day. */
    static final Duration MAX_REFRESH_SKEW = Duration.ofHours(12);

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
        refreshToken.flatMap(TokenSyntax::whyNotRefreshToken)
                .ifPresent(problem -> reader.problem(REFRESH_TOKEN, REFRESH_TOKEN + " " + problem));
        if (username.isPresent() != password.isPresent()) {
            reader.problem(username.isPresent() ? PASSWORD : USERNAME,
                    USERNAME + " and " + PASSWORD + " go together: set both or neither");
        } else if (username.isEmpty() && refreshToken.isEmpty()) {
            reader.problem(List.of(USERNAME, PASSWORD, REFRESH_TOKEN),
                    "set " + USERNAME + " and " + PASSWORD + ", or " + REFRESH_TOKEN
                            + ", so that the client can obtain a first access token");
        }
        Optional<Duration> refreshSkew = reader.duration(REFRESH_SKEW, null);
        if (refreshSkew.isPresent() && refreshSkew.get().compareTo(MAX_REFRESH_SKEW) > 0) {
            reader.problem(REFRESH_SKEW, REFRESH_SKEW + " (" + refreshSkew.get() + ") must not be longer than "
                    + MAX_REFRESH_SKEW + ": the client refreshes at most half a token's lifetime ahead of its expiry, "
                    + "and believes no lifetime longer than a day");
        }
        Duration connectTimeout = reader.duration(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT).orElse(null);
        Duration readTimeout = reader.duration(READ_TIMEOUT, DEFAULT_READ_TIMEOUT).orElse(null);
        Duration tokenWaitTimeout = reader.duration(TOKEN_WAIT_TIMEOUT, DEFAULT_TOKEN_WAIT_TIMEOUT).orElse(null);
        int tokenMaxAttempts = reader.integer(TOKEN_MAX_ATTEMPTS, DEFAULT_TOKEN_MAX_ATTEMPTS, 1,
                MAX_TOKEN_MAX_ATTEMPTS);
        Duration retryInitialDelay = reader.duration(TOKEN_RETRY_INITIAL_DELAY, DEFAULT_TOKEN_RETRY_INITIAL_DELAY)
                .orElse(null);
        Duration retryMaxDelay = reader.duration(TOKEN_RETRY_MAX_DELAY, DEFAULT_TOKEN_RETRY_MAX_DELAY).orElse(null);
        if (retryInitialDelay != null && retryMaxDelay != null && retryInitialDelay.compareTo(retryMaxDelay) > 0) {
            reader.problem(TOKEN_RETRY_INITIAL_DELAY, TOKEN_RETRY_INITIAL_DELAY + " (" + retryInitialDelay
                    + ") must not be longer than " + TOKEN_RETRY_MAX_DELAY + " (" + retryMaxDelay + ")");
        }
        int breakerFailures = reader.integer(CIRCUIT_BREAKER_FAILURES, DEFAULT_CIRCUIT_BREAKER_FAILURES, 1,
                Integer.MAX_VALUE);
        Duration breakerDelay = reader.duration(CIRCUIT_BREAKER_DELAY, DEFAULT_CIRCUIT_BREAKER_DELAY).orElse(null);
        Duration reissueInterval = reader.duration(TOKEN_REISSUE_INTERVAL, DEFAULT_TOKEN_REISSUE_INTERVAL)
                .orElse(null);
        if (tokenWaitTimeout != null && connectTimeout != null && readTimeout != null
                && tokenWaitTimeout.compareTo(connectTimeout.plus(readTimeout)) < 0) {
            reader.problem(TOKEN_WAIT_TIMEOUT, TOKEN_WAIT_TIMEOUT + " (" + tokenWaitTimeout + ") must be at least "
                    + CONNECT_TIMEOUT + " + " + READ_TIMEOUT + " (" + connectTimeout.plus(readTimeout)
                    + "), so that one token request can end while callers wait for it");
        }
        if (reader.bool(FOLLOW_REDIRECTS)) {
            reader.problem(FOLLOW_REDIRECTS, FOLLOW_REDIRECTS + " must not be true: a followed redirect would carry "
                    + "the access token to whatever host the Location header names");
        }
        reader.throwIfProblems();
        return new TicketparkConfig(apiUrl, tokenUrl, clientKey, clientSecret, username, password, refreshToken,
                refreshSkew, connectTimeout, readTimeout, tokenWaitTimeout, tokenMaxAttempts, retryInitialDelay,
                retryMaxDelay, breakerFailures, breakerDelay, reissueInterval);
    }

    /**
     * The same configuration without the password, the client secret and the refresh token, for whoever needs only
     * the rest (the token manager keeps the secrets it still needs on its own).
     */
    public TicketparkConfig withoutSecrets() {
        return new TicketparkConfig(apiUrl, tokenUrl, clientKey, null, username, Optional.empty(), Optional.empty(),
                refreshSkew, connectTimeout, readTimeout, tokenWaitTimeout, tokenMaxAttempts, tokenRetryInitialDelay,
                tokenRetryMaxDelay, circuitBreakerFailures, circuitBreakerDelay, tokenReissueInterval);
    }

    @Override
    public String toString() {
        return "TicketparkConfig[apiUrl=" + apiUrl + ", tokenUrl=" + tokenUrl + ", clientKey=" + clientKey
                + ", clientSecret=" + (clientSecret == null ? "<none>" : "****") + ", username="
                + username.orElse("<none>")
                + ", password=" + (password.isPresent() ? "****" : "<none>")
                + ", refreshToken=" + (refreshToken.isPresent() ? "****" : "<none>")
                + ", refreshSkew=" + refreshSkew.map(Duration::toString).orElse("<default>")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", tokenWaitTimeout=" + tokenWaitTimeout + ", tokenMaxAttempts=" + tokenMaxAttempts
                + ", tokenRetryInitialDelay=" + tokenRetryInitialDelay + ", tokenRetryMaxDelay=" + tokenRetryMaxDelay
                + ", circuitBreakerFailures=" + circuitBreakerFailures + ", circuitBreakerDelay=" + circuitBreakerDelay
                + ", tokenReissueInterval=" + tokenReissueInterval + "]";
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

        int integer(String key, int defaultValue, int min, int max) {
            Optional<String> value = optional(key);
            if (value.isEmpty()) {
                return defaultValue;
            }
            try {
                int number = Integer.parseInt(value.get());
                if (number < min || number > max) {
                    problem(key, key + " must be between " + min + " and " + max + ", but is " + number);
                }
                return number;
            } catch (NumberFormatException e) {
                problem(key, key + " must be a whole number, but is '" + value.get() + "'");
                return defaultValue;
            }
        }

        boolean bool(String key) {
            return optional(key).map(Boolean::parseBoolean).orElse(false);
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
