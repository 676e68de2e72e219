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
     * The origin a request was last allowed to, as that request wrote it, and the API URL it was checked against: a
     * request to that origin, written the same way and without user information, needs no other check. A plain field
     * holding an immutable value: a thread that does not see the last write checks once more.
     */
    private AllowedOrigin allowed;
    /** The last token and its header value, built once per token instead of once per request; immutable. */
    private Header header;

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
        AllowedOrigin known = allowed;
        if (known == null || !known.admits(target, apiUrl.get())) {
            allowed = allowedOrigin(target);
        }
        var headers = request.getHeaders();
        headers.putSingle(HttpHeaders.AUTHORIZATION, header(tokens.get().accessToken()));
        if (!headers.containsKey(HttpHeaders.ACCEPT)) {
            headers.putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
        if (!headers.containsKey(HttpHeaders.CONTENT_TYPE)) {
            headers.putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    /** The full check: an insecure target is refused as such before the API URL is even read. */
    private AllowedOrigin allowedOrigin(URI target) {
        Urls.whyNotAllowed(target).ifPresent(reason -> {
            throw new TicketparkException(Messages.insecureApiUrl(Urls.origin(target), reason));
        });
        URI api = apiUrl.get();
        if (!Urls.sameOrigin(target, api)) {
            throw new TicketparkException(Messages.foreignHost(Urls.origin(target), Urls.origin(api)));
        }
        return new AllowedOrigin(api, target.getScheme(), target.getHost(), target.getPort());
    }

    private String header(String accessToken) {
        Header current = header;
        // the same token is the same string: compared by identity, a token is built into its header value once
        if (current == null || current.accessToken() != accessToken) {
            current = new Header(accessToken, BEARER + accessToken);
            header = current;
        }
        return current.value();
    }

    private record Header(String accessToken, String value) {

        @Override
        public String toString() {
            return "Header[" + (value == null ? "none" : BEARER + "****") + "]";
        }
    }

    /**
     * An origin a request was allowed to, as that request wrote it (its port {@code -1} when it named none): compared
     * exactly, so that another spelling of it is checked in full.
     */
    private record AllowedOrigin(URI api, String scheme, String host, int writtenPort) {

        boolean admits(URI target, URI currentApi) {
            return currentApi == api && target.getRawUserInfo() == null && target.getPort() == writtenPort
                    && scheme.equals(target.getScheme()) && host.equals(target.getHost());
        }
    }
}
