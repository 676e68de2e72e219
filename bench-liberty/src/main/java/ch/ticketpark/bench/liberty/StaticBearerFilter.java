package ch.ticketpark.bench.liberty;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Puts a constant {@code Authorization} header, the least a filter can cost: the token of {@link StaticToken}, read
 * once. And {@code Content-Type: application/json}, which Ticketpark wants on every call and the MicroProfile Rest
 * Client does not send on a GET ({@code Accept} comes from the interface's {@code @Produces}): so both variants send
 * the same request, and the sandbox's share of the work is the same. A CDI bean, so that Liberty injects it when it
 * builds the client.
 */
@Dependent
@Priority(Priorities.AUTHENTICATION)
public class StaticBearerFilter implements ClientRequestFilter {

    @Inject
    StaticToken token;

    // not volatile: every thread that finds it unset computes the same value
    private String header;

    @Override
    public void filter(ClientRequestContext request) {
        String value = header;
        if (value == null) {
            value = "Bearer " + token.accessToken();
            header = value;
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, value);
        request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
    }
}
