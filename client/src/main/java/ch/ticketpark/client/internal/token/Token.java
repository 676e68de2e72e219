package ch.ticketpark.client.internal.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.BinaryOperator;

/**
 * An access token and the instants that govern it. Immutable; {@link #toString()} masks the token.
 *
 * @param accessToken the access token
 * @param sentAt when the token request that obtained it was sent
 * @param expiresAt when the access token expires: {@code sentAt} plus {@code expires_in}
 * @param refreshAt from when on the token is refreshed in the background, ahead of its expiry
 * @param request the number of the token request that obtained it (they are numbered as they are created)
 * @param reissue whether it was obtained because the API had rejected the token before it (HTTP 401)
 * @param rejected whether the API rejected it (HTTP 401): it is not handed out again
 */
record Token(String accessToken, Instant sentAt, Instant expiresAt, Instant refreshAt, long request, boolean reissue,
        boolean rejected) {

    /** The default refresh skew: the smaller of this and {@link #DEFAULT_SKEW_SHARE} of the lifetime. */
    static final Duration DEFAULT_MAX_SKEW = Duration.ofSeconds(30);
    static final double DEFAULT_SKEW_SHARE = 0.2;
    /** The largest share of the lifetime any skew may take, so a token is always used for half its life. */
    static final double MAX_SKEW_SHARE = 0.5;

    /** The shorter of two durations, either when they are equal. */
    static final BinaryOperator<Duration> SHORTER = BinaryOperator.minBy(Comparator.naturalOrder());

    /**
     * @param lifetime the answer's {@code expires_in}
     * @param sentAt when the token request was sent
     * @param receivedAt when its answer arrived
     * @param skew how early to refresh; {@code null} for the default
     * @param request the number of the request
     * @param reissue whether the request replaced a token the API had rejected
     */
    static Token issued(String accessToken, Duration lifetime, Instant sentAt, Instant receivedAt, Duration skew,
            long request, boolean reissue) {
        Instant expiresAt = sentAt.plus(lifetime);
        Instant refreshAt = expiresAt.minus(effectiveSkew(skew, lifetime));
        // a slow answer leaves less of the lifetime: still use the token for half of what is left, so that slow
        // answers never make every token due on arrival (and refreshes run back to back)
        Duration left = Duration.between(receivedAt, expiresAt);
        if (!left.isNegative()) {
            Instant halfOfWhatIsLeft = receivedAt.plus(left.dividedBy(2));
            if (refreshAt.isBefore(halfOfWhatIsLeft)) {
                refreshAt = halfOfWhatIsLeft;
            }
        }
        return new Token(accessToken, sentAt, expiresAt, refreshAt, request, reissue, false);
    }

    /** The configured skew (or the default), at most half the lifetime. */
    static Duration effectiveSkew(Duration skew, Duration lifetime) {
        Duration wanted = skew != null ? skew : defaultSkew(lifetime);
        Duration max = Duration.ofMillis((long) (lifetime.toMillis() * MAX_SKEW_SHARE));
        return SHORTER.apply(wanted, max);
    }

    static Duration defaultSkew(Duration lifetime) {
        Duration share = Duration.ofMillis((long) (lifetime.toMillis() * DEFAULT_SKEW_SHARE));
        return SHORTER.apply(share, DEFAULT_MAX_SKEW);
    }

    boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    boolean isDueForRefresh(Instant now) {
        return !now.isBefore(refreshAt);
    }

    /** The same token, counting as expired (the application asked to forget it). */
    Token expired() {
        return new Token(accessToken, sentAt, Instant.MIN, Instant.MIN, request, reissue, rejected);
    }

    /** The same token, accepted by the API once: its rejection later is no longer a reissue's. */
    Token asAccepted() {
        return new Token(accessToken, sentAt, expiresAt, refreshAt, request, false, rejected);
    }

    /** The same token, rejected by the API: never handed out again. */
    Token asRejected() {
        return new Token(accessToken, sentAt, Instant.MIN, Instant.MIN, request, reissue, true);
    }

    @Override
    public String toString() {
        return "Token[accessToken=****, sentAt=" + sentAt + ", expiresAt=" + expiresAt + ", refreshAt=" + refreshAt
                + (reissue ? ", reissue" : "") + (rejected ? ", rejected" : "") + "]";
    }
}
