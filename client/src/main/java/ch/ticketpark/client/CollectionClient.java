package ch.ticketpark.client;

import java.util.List;
import java.util.stream.Stream;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * What every Ticketpark collection ({@code /events/}, {@code /bookings/}, …) offers, for records of type {@code T}.
 * The typed clients such as {@link EventsClient} extend it; inject those:
 *
 * <pre>
 * &#64;Inject
 * &#64;RestClient
 * EventsClient events;
 *
 * List&lt;Event&gt; page = events.list(Query.page(0, 50).filter("currency", "CHF"));
 * String pid = events.create(Event.of(hostPid, "Konzert", "CHF"));
 * events.update(pid, Event.of(null, "Konzert 2026", null));
 * long count = events.count(Query.create().filter("currency", "CHF"));
 * </pre>
 *
 * HTTP errors surface as subclasses of {@link TicketparkApiException}; a call whose token the API rejects is
 * replayed once with a new token ({@link ReplayWithNewToken}).
 *
 * @param <T> the record type, such as {@code Event}
 */
public interface CollectionClient<T> {

    /** The header with the total number of matching records, ignoring pagination. */
    String COUNT_HEADER = "x-count";

    /**
     * {@code GET /collection/?…}
     *
     * @param query pagination, filters, order and expansion; {@code null} for the API's defaults (first page of 100)
     * @return one page of records
     */
    @GET
    @Path("/")
    List<T> list(@HeaderParam(Query.HEADER) Query query);

    /**
     * @return the first page of records with the API's default page size (100)
     */
    default List<T> list() {
        return list(null);
    }

    /**
     * Streams all matching records, page after page, fetching each page only when needed (see {@link Pages}).
     *
     * @param query filters, order and expansion; its page size (default 100, at most 1000) is the size of each
     *        request
     */
    default Stream<T> stream(Query query) {
        return Pages.stream(this::list, query);
    }

    /**
     * {@code GET /collection/{pid}?…}
     *
     * @param query the expansion, such as {@code Query.create().expand("customer")}; may be {@code null}
     * @throws RecordNotFoundException if there is no such record
     */
    @GET
    @Path("/{pid}")
    T get(@PathParam("pid") String pid, @HeaderParam(Query.HEADER) Query query);

    /**
     * {@code GET /collection/{pid}}
     *
     * @throws RecordNotFoundException if there is no such record
     */
    default T get(String pid) {
        return get(pid, null);
    }

    /**
     * {@code HEAD /collection/?…}: the answer has the {@value #COUNT_HEADER} header and no body. Prefer
     * {@link #count(Query)}.
     */
    @HEAD
    @Path("/")
    Response head(@HeaderParam(Query.HEADER) Query query);

    /**
     * @param query filters; pagination is ignored
     * @return how many records match ({@value #COUNT_HEADER} of {@code HEAD /collection/})
     */
    default long count(Query query) {
        try (Response response = head(query)) {
            String count = response.getHeaderString(COUNT_HEADER);
            if (count == null) {
                throw new TicketparkException("TPC0214: The Ticketpark API answered HEAD without the "
                        + COUNT_HEADER + " header");
            }
            return Long.parseLong(count.trim());
        }
    }

    /**
     * @return how many records there are ({@value #COUNT_HEADER} of {@code HEAD /collection/})
     */
    default long count() {
        return count(null);
    }

    /**
     * {@code POST /collection/} with one object. Prefer {@link #create(Object)}, which returns the new pid.
     */
    @POST
    @Path("/")
    Response post(T record);

    /**
     * Creates one record.
     *
     * @param record the new record's fields; {@code null} fields are not sent
     * @return the new record's pid (from {@code Location})
     * @throws InvalidPayloadException if a required field is missing or wrong
     */
    default String create(T record) {
        try (Response response = post(record)) {
            return Created.pid(response);
        }
    }

    /**
     * {@code POST /collection/} with an array. Prefer {@link #createAll(List)}, which returns the new records.
     */
    @POST
    @Path("/")
    Response postAll(List<T> records);

    /**
     * Creates several records in one request, then reads them back from the list link the API answers.
     *
     * @return the new records, with their pids, in the order given
     * @throws InvalidPayloadException if a record is invalid; then none is created
     */
    default List<T> createAll(List<T> records) {
        Query batch;
        try (Response response = postAll(records)) {
            batch = Created.batch(response);
        }
        int size = Math.max(1, records.size());
        return size <= 1000 ? list(batch.page(0).maxResults(size)) : stream(batch.maxResults(1000)).toList();
    }

    /**
     * {@code PATCH /collection/{pid}}: changes the fields that are not {@code null} in {@code changes}.
     */
    @PATCH
    @Path("/{pid}")
    void update(@PathParam("pid") String pid, T changes);

    /**
     * {@code PATCH /collection/}: changes several records; each must have its pid.
     */
    @PATCH
    @Path("/")
    void updateAll(List<T> changes);

    /**
     * {@code DELETE /collection/{pid}}, with what depends on the record (such as the tickets of a booking).
     */
    @DELETE
    @Path("/{pid}")
    void delete(@PathParam("pid") String pid);
}
