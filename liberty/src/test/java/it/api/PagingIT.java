package it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.model.Event;
import ch.ticketpark.sandbox.client.RecordedRequest;
import ch.ticketpark.sandbox.client.SandboxControl;

/**
 * Paging through all events from an enterprise bean: {@code stream} over small pages yields exactly the records that
 * {@code count()} ({@code x-count} of {@code HEAD}) announces and one big page holds, one request per page, fetched
 * only as the stream needs them.
 */
@ExtendWith(ArquillianExtension.class)
class PagingIT {

    private static final Query BY_NAME = Query.create().orderBy("name", Query.Order.ASC);

    @Deployment
    static WebArchive deployment() {
        return ApiDeployments.war("paging-it");
    }

    @Inject
    Api api;

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @BeforeEach
    void sevenEvents() {
        api.resetSandbox();
        // the seed's four events (one of the foreign host) and three more
        api.call(c -> c.events().createAll(List.of(Event.of(Seed.DEMO_HOST, "Paging A", "CHF"),
                Event.of(Seed.DEMO_HOST, "Paging B", "CHF"), Event.of(Seed.DEMO_HOST, "Paging C", "CHF"))));
    }

    @Test
    void streamsAllEventsOverPagesOfThree() {
        long count = api.call(c -> c.events().count());
        assertThat(sandbox.requests("api", 1).get(0).method()).isEqualTo("HEAD");
        List<String> onePage = pids(api.call(c -> c.events().list(BY_NAME.page(0).maxResults(1000))));
        long requests = apiRequests();

        List<String> streamed = pids(api.call(c -> c.events().stream(BY_NAME.maxResults(3)).toList()));

        assertThat(count).isEqualTo(7);
        assertThat(onePage).hasSize(7).doesNotHaveDuplicates();
        assertThat(streamed).isEqualTo(onePage);
        assertThat(apiRequests() - requests).as("pages of 3, 3 and 1").isEqualTo(3);
        List<RecordedRequest> pages = sandbox.requests("api", 3);
        for (int page = 0; page < 3; page++) {
            assertThat(pages.get(page).query()).contains("maxResults=3", "page=" + page);
        }
    }

    @Test
    void streamFetchesTheNextPageOnlyWhenNeeded() {
        long requests = apiRequests();

        List<Event> firstTwo = api.call(c -> c.events().stream(BY_NAME.maxResults(3)).limit(2).toList());

        assertThat(firstTwo).hasSize(2);
        assertThat(apiRequests() - requests).isEqualTo(1);
    }

    @Test
    void streamsTheFilteredEventsThatCountAnnounces() {
        Query ofDemoHost = BY_NAME.filter("host", Seed.DEMO_HOST);

        long count = api.call(c -> c.events().count(ofDemoHost));
        List<Event> streamed = api.call(c -> c.events().stream(ofDemoHost.maxResults(2)).toList());

        assertThat(count).isEqualTo(6);
        assertThat(streamed).hasSize(6).allSatisfy(event -> assertThat(event.host()).isEqualTo(Seed.DEMO_HOST));
        assertThat(streamed).extracting(Event::pid).doesNotContain(Seed.FOREIGN_EVENT).doesNotHaveDuplicates();
    }

    private static List<String> pids(List<Event> events) {
        return events.stream().map(Event::pid).toList();
    }

    private long apiRequests() {
        return sandbox.stats().apiRequests();
    }
}
