package ch.ticketpark.client.internal.token;

import java.time.Instant;
import java.util.Objects;

import ch.ticketpark.client.exception.InvalidGrantException;

/**
 * Everything the token manager knows of its token chain, as one immutable value that is replaced as a whole by
 * compare-and-set. {@link #toString()} masks both tokens.
 *
 * @param token the current access token, or {@code null} before the first grant
 * @param refreshToken the refresh token to use next, or {@code null} if there is none (yet, or any more)
 * @param spentRefreshToken the refresh token the endpoint last rejected ({@code invalid_grant}), or {@code null}: a
 *        late answer to a request that used it may still bring the chain back
 * @param dead why no token can be obtained any more (the refresh token was rejected and no password is configured),
 *        or {@code null}
 * @param storeLoaded whether the token store has been read successfully
 * @param staleBelow tokens of requests numbered below this count as rejected: the API rejected a token after those
 *        requests were created, and a token requested before may have been revoked with it (numbers, not instants, so
 *        that a clock set back cannot make every new token look older than the rejection)
 * @param reissueNotBefore after the API rejected a token that was itself a reissue, the next token request is not sent
 *        before this instant (so that a run of 401s does not become a run of token requests)
 * @param saveRetryAt when to try again to save {@code refreshToken}, after the token store failed; {@code null} if it
 *        holds the newest one
 */
record TokenState(Token token, String refreshToken, String spentRefreshToken, InvalidGrantException dead,
        boolean storeLoaded, long staleBelow, Instant reissueNotBefore, Instant saveRetryAt) {

    static TokenState initial(String refreshToken) {
        return new TokenState(null, refreshToken, null, null, false, 0, Instant.MIN, null);
    }

    /** The current token if it may be handed out now: not expired, not rejected, not requested before a rejection. */
    Token usable(Instant now) {
        return token != null && !token.isExpired(now) && !token.rejected() && token.request() >= staleBelow
                ? token
                : null;
    }

    /** Whether the current token was rejected by the API and the next token request is not due yet. */
    boolean reissueDeferred(Instant now) {
        return token != null && token.rejected() && token.reissue() && now.isBefore(reissueNotBefore);
    }

    TokenState withToken(Token newToken) {
        return new TokenState(newToken, refreshToken, spentRefreshToken, dead, storeLoaded, staleBelow,
                reissueNotBefore, saveRetryAt);
    }

    /**
     * A new refresh token (from an answer or the store): the chain lives again, and a late answer for a refresh token
     * rejected before can no longer replace it.
     */
    TokenState withRefreshToken(String newRefreshToken) {
        return new TokenState(token, newRefreshToken, null, null, storeLoaded, staleBelow,
                reissueNotBefore, saveRetryAt);
    }

    /** The endpoint rejected {@code refreshToken}; with {@code cause} non-null, no password can replace it. */
    TokenState withRefreshTokenRejected(InvalidGrantException cause) {
        return new TokenState(token, null, refreshToken, cause, storeLoaded, staleBelow, reissueNotBefore,
                saveRetryAt);
    }

    TokenState withStoreLoaded() {
        return new TokenState(token, refreshToken, spentRefreshToken, dead, true, staleBelow, reissueNotBefore,
                saveRetryAt);
    }

    /**
     * The API rejected the current token; requests numbered below {@code nextRequest} are stale, and {@code notBefore}
     * is when the next request may go out.
     */
    TokenState withTokenRejected(long nextRequest, Instant notBefore) {
        return new TokenState(token.asRejected(), refreshToken, spentRefreshToken, dead, storeLoaded, nextRequest,
                notBefore,
                saveRetryAt);
    }

    /**
     * The application asked to forget the token: the next call requests a new one, unless a reissue interval runs
     * (an application that forgets every token the API rejects must not bypass it).
     */
    TokenState withTokenForgotten() {
        return withToken(token == null ? null : token.expired());
    }

    TokenState withSaveRetryAt(Instant retryAt) {
        return new TokenState(token, refreshToken, spentRefreshToken, dead, storeLoaded, staleBelow,
                reissueNotBefore, retryAt);
    }

    /**
     * Whether an answer to a request that used {@code spent} (or the password grant, {@code null}) may still replace
     * the chain: nobody has replaced the refresh token it used since, or the endpoint rejected exactly that one (the
     * answer then proves the server rotated it for this request, whose answer came late).
     */
    boolean accepts(String spent) {
        return Objects.equals(refreshToken, spent) || spent != null && spent.equals(spentRefreshToken);
    }

    @Override
    public String toString() {
        return "TokenState[token=" + token + ", refreshToken=" + (refreshToken == null ? "<none>" : "****")
                + (dead != null ? ", dead" : "") + ", storeLoaded=" + storeLoaded
                + (saveRetryAt != null ? ", unsaved, saveRetryAt=" + saveRetryAt : "") + "]";
    }
}
