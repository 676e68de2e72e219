package ch.ticketpark.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.IntStream;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.exception.TicketparkException;

class PagesTest {

    private final List<Query> fetched = new ArrayList<>();

    /** A collection of {@code count} records, served in pages as the query asks. */
    private Function<Query, List<Integer>> collection(int count) {
        return query -> {
            fetched.add(query);
            int size = query.pageSize().orElseThrow();
            int from = query.pageNumber().orElseThrow() * size;
            return IntStream.range(from, Math.min(count, from + size)).boxed().toList();
        };
    }

    @Test
    void fetchesPagesUntilOneIsShortAndOnlyAsTheStreamNeedsThem() {
        assertThat(Pages.stream(collection(5), Query.create().maxResults(2)).limit(3)).containsExactly(0, 1, 2);
        assertThat(fetched).extracting(Query::pageNumber).extracting(page -> page.getAsInt()).containsExactly(0, 1);

        fetched.clear();
        assertThat(Pages.stream(collection(5), Query.create().maxResults(2))).containsExactly(0, 1, 2, 3, 4);
        assertThat(fetched).hasSize(3);
    }

    @Test
    void aFullLastPageCostsOneEmptyPage() {
        assertThat(Pages.stream(collection(4), Query.create().maxResults(2))).hasSize(4);
        assertThat(fetched).hasSize(3);
    }

    @Test
    void startsAtTheQuerysPageWithTheDefaultPageSizeAndKeepsItsFilters() {
        assertThat(Pages.stream(collection(250), Query.create().filter("currency", "CHF").page(1))).hasSize(150);

        assertThat(fetched).extracting(Query::toString).containsExactly(
                "filters%5Bcurrency%5D=CHF&page=1&maxResults=100", "filters%5Bcurrency%5D=CHF&page=2&maxResults=100");
    }

    @Test
    void withoutAQueryItStartsAtTheFirstPage() {
        assertThat(Pages.stream(collection(3), null)).containsExactly(0, 1, 2);
        assertThat(fetched).singleElement().extracting(Query::toString).isEqualTo("maxResults=100&page=0");
    }

    @Test
    void aMissingPageEndsTheStream() {
        var records = Pages.stream(query -> null, Query.create()).iterator();

        assertThat(records.hasNext()).isFalse();
        assertThatThrownBy(records::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void countIsTheCountHeaderOfTheHeadAnswer() {
        assertThat(Pages.count(Response.ok().header("x-count", " 1234 ").build())).isEqualTo(1234L);
    }

    @Test
    void answerWithoutTheCountHeaderIsATypedErrorNamingIt() {
        assertThatThrownBy(() -> Pages.count(Response.ok().build()))
                .isExactlyInstanceOf(TicketparkException.class)
                .hasMessage("TPC0214: The Ticketpark API answered HEAD without the x-count header");
    }
}
