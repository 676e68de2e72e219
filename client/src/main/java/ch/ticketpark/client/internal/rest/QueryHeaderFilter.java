package ch.ticketpark.client.internal.rest;

import java.net.URI;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import ch.ticketpark.client.Query;

/**
 * Moves a {@link Query} from its carrier header {@value Query#HEADER} into the request's URL. A MicroProfile Rest
 * Client method cannot send query parameters whose names are only known at run time ({@code filters[name]=…}), but
 * it can send a header: the client methods take the query as {@code @HeaderParam(Query.HEADER)}, and this filter
 * turns it into the query string before anything is sent. The header never leaves the client.
 */
@Priority(Priorities.HEADER_DECORATOR)
public final class QueryHeaderFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        Object query = request.getHeaders().getFirst(Query.HEADER);
        if (query == null) {
            return;
        }
        request.getHeaders().remove(Query.HEADER);
        String encoded = query.toString();
        if (!encoded.isEmpty()) {
            request.setUri(withQuery(request.getUri(), encoded));
        }
    }

    static URI withQuery(URI uri, String encodedQuery) {
        String url = uri.toString();
        int fragment = url.indexOf('#');
        String base = fragment < 0 ? url : url.substring(0, fragment);
        String separator = uri.getRawQuery() == null ? "?" : "&";
        return URI.create(base + separator + encodedQuery + (fragment < 0 ? "" : url.substring(fragment)));
    }
}
