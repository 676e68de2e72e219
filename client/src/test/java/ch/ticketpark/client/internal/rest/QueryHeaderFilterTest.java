package ch.ticketpark.client.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import jakarta.ws.rs.client.ClientRequestContext;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.support.Stubs;

class QueryHeaderFilterTest {

    private final QueryHeaderFilter filter = new QueryHeaderFilter();

    @Test
    void movesTheQueryFromItsHeaderIntoTheUrl() {
        ClientRequestContext request = request("https://api.ticketpark.ch/events/", Query.page(1, 2));

        filter.filter(request);

        assertThat(request.getUri()).isEqualTo(URI.create("https://api.ticketpark.ch/events/?page=1&maxResults=2"));
        assertThat(request.getHeaders()).doesNotContainKey(Query.HEADER);
    }

    @Test
    void appendsToAQueryTheUrlHasAndKeepsTheFragmentLast() {
        ClientRequestContext request = request("https://api.ticketpark.ch/tickets/?filters%5BbatchId%5D=b-1#top",
                Query.create().filter("name", "A & B"));

        filter.filter(request);

        assertThat(request.getUri()).hasToString(
                "https://api.ticketpark.ch/tickets/?filters%5BbatchId%5D=b-1&filters%5Bname%5D=A%20%26%20B#top");
    }

    @Test
    void anEmptyQueryLeavesTheUrlAsItIsButTheHeaderStillGoes() {
        ClientRequestContext request = request("https://api.ticketpark.ch/events/", Query.create());

        filter.filter(request);

        assertThat(request.getUri()).isEqualTo(URI.create("https://api.ticketpark.ch/events/"));
        assertThat(request.getHeaders()).doesNotContainKey(Query.HEADER);
    }

    @Test
    void aRequestWithoutTheHeaderIsLeftAlone() {
        ClientRequestContext request = request("https://api.ticketpark.ch/events/?page=3", null);

        filter.filter(request);

        assertThat(request.getUri()).isEqualTo(URI.create("https://api.ticketpark.ch/events/?page=3"));
    }

    private static ClientRequestContext request(String url, Query query) {
        ClientRequestContext request = Stubs.request("GET", URI.create(url), null);
        if (query != null) {
            request.getHeaders().putSingle(Query.HEADER, query);
        }
        return request;
    }
}
