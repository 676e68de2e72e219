package ch.ticketpark.sandbox.oauth;

import java.time.Duration;

/**
 * The answer to a successful token request: a new access and refresh token pair.
 *
 * @param accessToken the new access token
 * @param refreshToken the new refresh token
 * @param expiresIn the lifetime of the access token
 */
public record IssuedTokens(String accessToken, String refreshToken, Duration expiresIn) {

    /** The {@code token_type} FOS answers with, in lower case. */
    public static final String TOKEN_TYPE = "bearer";
}
