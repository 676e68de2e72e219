package ch.ticketpark.client.status;

import java.time.Instant;

/**
 * The chain of refresh tokens has ended and no password can start a new one (a CDI event): every call fails at once
 * until a new refresh token arrives (the one-time login into the token store, or the configuration and a restart).
 * Fired once per end.
 *
 * @param endedAt when it ended
 * @param code {@code TPC0003} (the endpoint rejected the refresh token) or {@code TPC0031} (nothing to start from)
 * @param reason the message, which starts with the code and holds no secret
 */
public record RefreshTokenChainEnded(Instant endedAt, String code, String reason) {
}
