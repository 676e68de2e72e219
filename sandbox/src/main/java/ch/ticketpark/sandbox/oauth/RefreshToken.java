package ch.ticketpark.sandbox.oauth;

import java.time.Instant;

/**
 * A refresh token the sandbox issued. A rotated token is one already exchanged; it is kept only so that a second
 * use can be told apart from an unknown token (and counted).
 */
record RefreshToken(String value, String clientKey, Instant expiresAt, boolean rotated) {

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    RefreshToken asRotated() {
        return new RefreshToken(value, clientKey, expiresAt, true);
    }
}
