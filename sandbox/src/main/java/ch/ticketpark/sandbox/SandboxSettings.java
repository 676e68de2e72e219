package ch.ticketpark.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * The demo client, the demo user and the default token lifetimes of the sandbox.
 * <p>
 * MicroProfile Config keys, each with its default:
 * <table>
 * <caption>Configuration keys</caption>
 * <tr><th>key</th><th>default</th></tr>
 * <tr><td>{@code sandbox.client-key}</td><td>{@code demo-client}</td></tr>
 * <tr><td>{@code sandbox.client-secret}</td><td>{@code demo-secret}</td></tr>
 * <tr><td>{@code sandbox.username}</td><td>{@code demo@ticketpark.test}</td></tr>
 * <tr><td>{@code sandbox.password}</td><td>{@code demo-password}</td></tr>
 * <tr><td>{@code sandbox.access-token-lifetime}</td><td>{@code 600} (seconds)</td></tr>
 * <tr><td>{@code sandbox.refresh-token-lifetime}</td><td>{@code 1209600} (seconds, 14 days)</td></tr>
 * </table>
 */
public record SandboxSettings(String clientKey, String clientSecret, String username, String password,
        Duration accessTokenLifetime, Duration refreshTokenLifetime) {

    public static final String PREFIX = "sandbox.";
    public static final String CLIENT_KEY = PREFIX + "client-key";
    public static final String CLIENT_SECRET = PREFIX + "client-secret";
    public static final String USERNAME = PREFIX + "username";
    public static final String PASSWORD = PREFIX + "password";
    public static final String ACCESS_TOKEN_LIFETIME = PREFIX + "access-token-lifetime";
    public static final String REFRESH_TOKEN_LIFETIME = PREFIX + "refresh-token-lifetime";

    public static final String DEFAULT_CLIENT_KEY = "demo-client";
    public static final String DEFAULT_CLIENT_SECRET = "demo-secret";
    public static final String DEFAULT_USERNAME = "demo@ticketpark.test";
    public static final String DEFAULT_PASSWORD = "demo-password";
    public static final long DEFAULT_ACCESS_TOKEN_LIFETIME = 600;
    public static final long DEFAULT_REFRESH_TOKEN_LIFETIME = 1_209_600;

    public SandboxSettings {
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        requireNotNegative(accessTokenLifetime, "accessTokenLifetime");
        requireNotNegative(refreshTokenLifetime, "refreshTokenLifetime");
    }

    /** The settings used when nothing is configured. */
    public static SandboxSettings defaults() {
        return new SandboxSettings(DEFAULT_CLIENT_KEY, DEFAULT_CLIENT_SECRET, DEFAULT_USERNAME, DEFAULT_PASSWORD,
                Duration.ofSeconds(DEFAULT_ACCESS_TOKEN_LIFETIME), Duration.ofSeconds(DEFAULT_REFRESH_TOKEN_LIFETIME));
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + duration);
        }
    }
}
