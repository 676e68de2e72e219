package ch.ticketpark.client.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * An access token with its refresh token and the instants that govern it. Immutable; {@link #toString()} masks both
 * tokens.
 *
 * @param accessToken the access token
 * @param refreshToken the refresh token to use next, or {@code null} if there is none
 * @param expiresAt when the access token expires: the send time of the token request plus {@code expires_in}
 * @param refreshAt from when on the token is refreshed in the background, ahead of its expiry
 */
record Token(String accessToken, String refreshToken, Instant expiresAt, Instant refreshAt) {

    /** The default refresh skew: the smaller of this and {@link #DEFAULT_SKEW_SHARE} of the lifetime. */
    static final Duration DEFAULT_MAX_SKEW = Duration.ofSeconds(30);
    static final double DEFAULT_SKEW_SHARE = 0.2;

    /**
     * @param sentAt when the token request was sent
     * @param skew how early to refresh; {@code null} for the default
     */
    static Token issued(TokenResponse response, Instant sentAt, Duration skew) {
        Duration lifetime = response.expiresIn();
        Duration effectiveSkew = skew != null ? skew : defaultSkew(lifetime);
        if (effectiveSkew.compareTo(lifetime) > 0) {
            effectiveSkew = lifetime;
        }
        Instant expiresAt = sentAt.plus(lifetime);
        return new Token(response.accessToken(), response.refreshToken(), expiresAt, expiresAt.minus(effectiveSkew));
    }

    static Duration defaultSkew(Duration lifetime) {
        Duration share = Duration.ofMillis((long) (lifetime.toMillis() * DEFAULT_SKEW_SHARE));
        return share.compareTo(DEFAULT_MAX_SKEW) < 0 ? share : DEFAULT_MAX_SKEW;
    }

    boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    boolean isDueForRefresh(Instant now) {
        return !now.isBefore(refreshAt);
    }

    /** The same refresh token with an access token that counts as expired. */
    Token expired() {
        return new Token(accessToken, refreshToken, Instant.MIN, Instant.MIN);
    }

    /** The same access token without a refresh token, once the refresh token has been rejected. */
    Token withoutRefreshToken() {
        return new Token(accessToken, null, expiresAt, refreshAt);
    }

    @Override
    public String toString() {
        return "Token[accessToken=****, refreshToken=" + (refreshToken == null ? "<none>" : "****") + ", expiresAt="
                + expiresAt + ", refreshAt=" + refreshAt + "]";
    }
}
