package ch.ticketpark.client.internal.token;

import java.time.Duration;

/**
 * A successful answer of the token endpoint. {@link #toString()} masks both tokens.
 *
 * @param accessToken the new access token
 * @param refreshToken the new refresh token, or {@code null} if the answer had none
 * @param expiresIn the access token's lifetime ({@code expires_in})
 */
record TokenResponse(String accessToken, String refreshToken, Duration expiresIn) {

    @Override
    public String toString() {
        return "TokenResponse[accessToken=****, refreshToken=" + (refreshToken == null ? "<none>" : "****")
                + ", expiresIn=" + expiresIn + "]";
    }
}
