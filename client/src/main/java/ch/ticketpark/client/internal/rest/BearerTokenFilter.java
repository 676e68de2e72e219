package ch.ticketpark.client.internal.rest;

import java.net.URI;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.exception.TicketparkException;
import ch.ticketpark.client.internal.Messages;
import ch.ticketpark.client.internal.config.Urls;

/**
 * Authenticates every request of a Ticketpark REST client: {@code Authorization: Bearer <access token>}, and
 * {@code Content-Type} and {@code Accept: application/json} where the request has none. The token goes only to the
 * configured API origin (scheme, host and port of {@code ticketpark/mp-rest/url}), and never over plain http to a
 * host that is not loopback; any other request fails before the token is even obtained.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter implements ClientRequestFilter {

    public static final String BEARER = "Bearer ";

    private final Supplier<TicketparkTokens> tokens;
    private final Supplier<URI> apiUrl;

    /**
     * @param tokens supplies the token bean; called on each request, so it may look the bean up lazily
     * @param apiUrl supplies the configured API base URL; called on each request, likewise
     */
    public BearerTokenFilter(Supplier<TicketparkTokens> tokens, Supplier<URI> apiUrl) {
        this.tokens = tokens;
        this.apiUrl = apiUrl;
    }

    @Override
    public void filter(ClientRequestContext request) {
        URI target = request.getUri();
        Urls.whyNotAllowed(target).ifPresent(reason -> {
            throw new TicketparkException(Messages.insecureApiUrl(Urls.origin(target), reason));
        });
        URI api = apiUrl.get();
        if (!Urls.sameOrigin(target, api)) {
            throw new TicketparkException(Messages.foreignHost(Urls.origin(target), Urls.origin(api)));
        }
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
