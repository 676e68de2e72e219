package ch.ticketpark.client.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.exception.TicketparkApiException;
import ch.ticketpark.client.exception.TokenRejectedException;
import ch.ticketpark.client.internal.token.TokenFeedback;

/**
 * Looks at each error answer of a Ticketpark REST client while the request that caused it is still known:
 * <ul>
 * <li>on 401 it forgets exactly the token that request carried ({@link TicketparkTokens#invalidate(String)}), so the
 * next request, or the replay of this one, obtains a new token; a token another call renewed meanwhile stays. Then it
 * throws the {@link TokenRejectedException} itself instead of leaving it to the exception mapper: the MicroProfile
 * Rest Client maps exceptions only when they leave the client proxy, so a default method that replays a call
 * ({@link ch.ticketpark.client.TokenReplay}) would otherwise see an anonymous implementation exception;</li>
 * <li>on any error it notes the request's method and path in the internal header {@value #REQUEST_HEADER} of the
 * answer, for the {@link TicketparkResponseExceptionMapper}, which only sees the answer.</li>
 * </ul>
 * It runs before the MicroProfile Rest Client's exception mapping (response filters run from the highest priority
 * number down; the mapping is registered with priority 1). It keeps no state: each call sees its own request.
 */
@Priority(Priorities.AUTHENTICATION)
public final class TicketparkResponseFilter implements ClientResponseFilter {

    /** The answer's header that names the request, such as {@code GET /events/123}; set by this filter only. */
    static final String REQUEST_HEADER = "X-Ticketpark-Client-Request";

    private final Supplier<TicketparkTokens> tokens;

    public TicketparkResponseFilter(Supplier<TicketparkTokens> tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        int status = response.getStatus();
        // the API itself looked at the token: not a gateway's 5xx or 429, which say nothing about it
        if (status < 500 && status != 401 && status != 429 && tokens.get() instanceof TokenFeedback feedback) {
            String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.startsWith(BearerTokenFilter.BEARER)) {
                feedback.accepted(authorization.substring(BearerTokenFilter.BEARER.length()));
            }
        }
        if (status < 400) {
            return;
        }
        response.getHeaders().putSingle(REQUEST_HEADER, request.getMethod() + " " + request.getUri().getRawPath());
        if (status == 401) {
            String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.startsWith(BearerTokenFilter.BEARER)) {
                tokens.get().invalidate(authorization.substring(BearerTokenFilter.BEARER.length()));
            }
            if (tokens.get() instanceof TokenFeedback feedback) {
                feedback.rejected();
            }
            throw (TokenRejectedException) TicketparkResponseExceptionMapper.exception(status, request.getMethod(),
                    request.getUri().getRawPath(), body(response));
        }
    }

    private static String body(ClientResponseContext response) {
        if (!response.hasEntity()) {
            return "";
        }
        try (InputStream entity = response.getEntityStream()) {
            return new String(entity.readNBytes(TicketparkApiException.MAX_BODY * 4), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
