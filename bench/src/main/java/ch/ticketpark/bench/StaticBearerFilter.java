package ch.ticketpark.bench;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** The baseline: a filter that puts a constant {@code Authorization} header, the least a filter can cost. */
final class StaticBearerFilter implements ClientRequestFilter {

    private final String header;

    StaticBearerFilter(String accessToken) {
        this.header = "Bearer " + accessToken;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, header);
    }
}
