package ch.ticketpark.sandbox.oauth;

import java.time.Duration;
import java.util.Objects;

/**
 * How long newly issued access and refresh tokens stay valid.
 */
public record TokenLifetimes(Duration access, Duration refresh) {

    public TokenLifetimes {
        requireNotNegative(access, "access");
        requireNotNegative(refresh, "refresh");
    }

    /** A copy with the given lifetimes replaced; {@code null} keeps the current one. */
    public TokenLifetimes with(Duration newAccess, Duration newRefresh) {
        return new TokenLifetimes(newAccess == null ? access : newAccess, newRefresh == null ? refresh : newRefresh);
    }

    private static void requireNotNegative(Duration lifetime, String name) {
        Objects.requireNonNull(lifetime, name);
        if (lifetime.isNegative()) {
            throw new IllegalArgumentException(name + " lifetime must not be negative: " + lifetime);
        }
    }
}
