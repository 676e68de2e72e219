package ch.ticketpark.client.internal;

import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import ch.ticketpark.client.TicketparkException;
import ch.ticketpark.client.TicketparkTokens;

/**
 * Authenticates every request of a Ticketpark REST client: {@code Authorization: Bearer <access token>}, and
 * {@code Content-Type} and {@code Accept: application/json} where the request has none. Refuses to send the token
 * over plain http to a host that is not loopback.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter implements ClientRequestFilter {

    static final String BEARER = "Bearer ";

    private final Supplier<TicketparkTokens> tokens;

    /**
     * @param tokens supplies the token bean; called on each request, so it may look the bean up lazily
     */
    public BearerTokenFilter(Supplier<TicketparkTokens> tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ClientRequestContext request) {
        Urls.whyNotAllowed(request.getUri()).ifPresent(reason -> {
            throw new TicketparkException(Messages.insecureApiUrl(request.getUri().toString(), reason));
        });
        var headers = request.getHeaders();
        headers.putSingle(HttpHeaders.AUTHORIZATION, BEARER + tokens.get().accessToken());
        if (!headers.containsKey(HttpHeaders.ACCEPT)) {
            headers.putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
        if (!headers.containsKey(HttpHeaders.CONTENT_TYPE)) {
            headers.putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
