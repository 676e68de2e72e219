package ch.ticketpark.client;

import ch.ticketpark.client.exception.TokenRequestException;
import ch.ticketpark.client.status.TokenStatus;

/**
 * The application's view of the Ticketpark access token, for the rare code that needs it directly (the typed
 * clients add it to every request by themselves). Inject it:
 *
 * <pre>
 * &#64;Inject
 * TicketparkTokens tokens;
 * </pre>
 *
 * The implementation is an application-scoped bean that owns the whole token lifecycle: the first grant, refreshing
 * ahead of expiry, refresh-token rotation. It is safe to call from any number of threads.
 */
public interface TicketparkTokens {

    /**
     * Returns a valid access token, obtaining or refreshing one first if needed. Does not block while the current
     * token is valid.
     *
     * @return the access token, to be sent as {@code Authorization: Bearer <token>}
     * @throws TokenRequestException if no valid token could be obtained
     */
    String accessToken();

    /**
     * Forgets the current access token (for example after the API rejected it), so that the next call of
     * {@link #accessToken()} obtains a new one with the refresh token. The refresh token is kept.
     */
    void invalidate();

    /**
     * Forgets the given access token if it is still the current one, so that the next call of {@link #accessToken()}
     * obtains a new one; does nothing if it has been replaced already. Use it when the API rejected a request that
     * carried this token: concurrent callers that saw the same rejection cause only one new token request.
     *
     * @param accessToken the token the rejected request carried
     */
    void invalidate(String accessToken);

    /**
     * Reads the token's status now: whether a valid token is held and until when, the last grant and the last
     * failure, the counts, and any problem that keeps the client from serving calls (what the readiness check
     * {@code ticketpark} reports). Sends no token request, takes no lock, holds no token.
     */
    TokenStatus status();
}
