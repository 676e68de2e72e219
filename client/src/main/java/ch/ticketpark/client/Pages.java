package ch.ticketpark.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import jakarta.ws.rs.core.Response;

import ch.ticketpark.client.exception.TicketparkException;

/**
 * Streams a collection page after page, fetching the next page only when the stream needs it. The typed clients'
 * {@code stream} methods use it; it is public for your own interfaces.
 * <p>
 * The pages are separate requests, not a snapshot: records created or deleted meanwhile may be missed or seen twice.
 */
public final class Pages {

    /** The API's page size when a query sets none. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    /** The header with which the API answers {@code HEAD /collection/}: how many records match. */
    public static final String COUNT_HEADER = "x-count";

    private Pages() {
    }

    /**
     * @param fetch fetches one page, such as {@code events::list}
     * @param query the filters, order and expansion; its page (default 0) is the first one fetched, its
     *        {@code maxResults} (default {@value #DEFAULT_PAGE_SIZE}) the page size
     * @return the records of that page and all pages after it, in order; the stream ends after the first page
     *         with fewer records than the page size
     */
    public static <T> Stream<T> stream(Function<Query, List<T>> fetch, Query query) {
        Query base = query == null ? Query.create() : query;
        int size = base.pageSize().orElse(DEFAULT_PAGE_SIZE);
        Iterator<T> records = new PageIterator<>(fetch, base.maxResults(size), base.pageNumber().orElse(0), size);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED), false);
    }

    /**
     * @param answer the API's answer to {@code HEAD /collection/?…}
     * @return how many records match: its {@value #COUNT_HEADER} header
     * @throws TicketparkException (TPC0214) when the answer has no {@value #COUNT_HEADER} header
     */
    public static long count(Response answer) {
        String count = answer.getHeaderString(COUNT_HEADER);
        if (count == null) {
            throw new TicketparkException(MessageCatalogue.format("TPC0214", COUNT_HEADER));
        }
        return Long.parseLong(count.trim());
    }

    private static final class PageIterator<T> implements Iterator<T> {

        private final Function<Query, List<T>> fetch;
        private final Query query;
        private final int size;
        private int nextPage;
        private Iterator<T> current = List.<T>of().iterator();
        private boolean lastPage;

        PageIterator(Function<Query, List<T>> fetch, Query query, int firstPage, int size) {
            this.fetch = fetch;
            this.query = query;
            this.nextPage = firstPage;
            this.size = size;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && !lastPage) {
                List<T> page = fetch.apply(query.page(nextPage++));
                lastPage = page == null || page.size() < size;
                current = page == null ? List.<T>of().iterator() : page.iterator();
            }
            return current.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
