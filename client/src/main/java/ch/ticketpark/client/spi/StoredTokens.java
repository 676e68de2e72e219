package ch.ticketpark.client.spi;

import java.time.Instant;

/**
 * One account's token state as a {@link TokenStore} keeps it: the newest refresh token, the access token obtained
 * with it (if any), and a version that grows by one with every replacement. Immutable; {@link #toString()} masks both
 * tokens.
 *
 * @param refreshToken the newest refresh token: the one to send next
 * @param accessToken the access token of the same answer, or {@code null} (a state written by the one-time login, or
 *        after an answer the client refused but whose refresh token it had to keep)
 * @param obtainedAt when the token request that obtained {@code accessToken} was sent; {@code null} exactly when
 *        {@code accessToken} is
 * @param expiresAt when {@code accessToken} expires; {@code null} exactly when {@code accessToken} is
 * @param version 1 for the first state stored for the account, one more for each replacement
 */
public record StoredTokens(String refreshToken, String accessToken, Instant obtainedAt, Instant expiresAt,
        long version) {

    /**
     * @throws IllegalArgumentException if the refresh token is missing or blank, the access token comes without both
     *         instants (or they without it), it expires before it was obtained, or the version is below 1 (the
     *         message names the field, never a value)
     */
    public StoredTokens {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new IllegalArgumentException("refreshToken is required");
        }
        boolean withAccessToken = accessToken != null;
        if (withAccessToken != (obtainedAt != null) || withAccessToken != (expiresAt != null)) {
            throw new IllegalArgumentException("accessToken, obtainedAt and expiresAt go together: all or none");
        }
        if (withAccessToken && (accessToken.isBlank() || !expiresAt.isAfter(obtainedAt))) {
            throw new IllegalArgumentException("accessToken must not be blank and must expire after it was obtained");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
    }

    /** A state that holds a refresh token only, for example the one-time login's. */
    public static StoredTokens ofRefreshToken(String refreshToken, long version) {
        return new StoredTokens(refreshToken, null, null, null, version);
    }

    /** Whether it holds an access token. */
    public boolean hasAccessToken() {
        return accessToken != null;
    }

    @Override
    public String toString() {
        return "StoredTokens[refreshToken=****, accessToken=" + (accessToken == null ? "<none>" : "****")
                + (expiresAt == null ? "" : ", obtainedAt=" + obtainedAt + ", expiresAt=" + expiresAt)
                + ", version=" + version + "]";
    }
}
