package ch.ticketpark.sandbox.oauth;

import java.time.Instant;

/**
 * An access token the sandbox issued.
 */
record AccessToken(String value, String clientKey, Instant expiresAt) {

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
