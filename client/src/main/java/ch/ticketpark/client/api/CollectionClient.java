package ch.ticketpark.client.api;

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

import ch.ticketpark.client.Created;
import ch.ticketpark.client.Pages;
import ch.ticketpark.client.Query;
import ch.ticketpark.client.Ticketpark;
import ch.ticketpark.client.TokenReplay;
import ch.ticketpark.client.exception.InvalidPayloadException;
import ch.ticketpark.client.exception.RecordNotFoundException;
import ch.ticketpark.client.exception.TicketparkApiException;

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
 * HTTP errors surface as subclasses of {@link TicketparkApiException}. The typed methods ({@code list}, {@code get},
 * {@code count}, {@code create}, {@code update}, {@code delete}, …) replay a request whose token the API rejects
 * once with a new token ({@link TokenReplay}); the {@code http…} methods below them send exactly one request.
 *
 * @param <T> the record type, such as {@code Event}
 */
public interface CollectionClient<T> {

    /** The header with the total number of matching records, ignoring pagination. */
    String COUNT_HEADER = Pages.COUNT_HEADER;

    /**
     * {@code GET /collection/?…}
     *
     * @param query pagination, filters, order and expansion; {@code null} for the API's defaults (first page of 100)
     * @return one page of records
     */
    default List<T> list(Query query) {
        return TokenReplay.once(() -> httpList(query));
    }

    /**
     * @return the first page of records with the API's default page size (100)
     */
    default List<T> list() {
        // not list(null): on Open Liberty each call of a default method of the client looks up a method handle
        return TokenReplay.once(() -> httpList(null));
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
    default T get(String pid, Query query) {
        return TokenReplay.once(() -> httpGet(pid, query));
    }

    /**
     * {@code GET /collection/{pid}}
     *
     * @throws RecordNotFoundException if there is no such record
     */
    default T get(String pid) {
        return TokenReplay.once(() -> httpGet(pid, null));
    }

    /**
     * @param query filters; pagination is ignored
     * @return how many records match ({@value #COUNT_HEADER} of {@code HEAD /collection/})
     */
    default long count(Query query) {
        try (Response response = TokenReplay.once(() -> httpHead(query))) {
            return Pages.count(response);
        }
    }

    /**
     * @return how many records there are ({@value #COUNT_HEADER} of {@code HEAD /collection/})
     */
    default long count() {
        try (Response response = TokenReplay.once(() -> httpHead(null))) {
            return Pages.count(response);
        }
    }

    /**
     * Creates one record ({@code POST /collection/}).
     *
     * @param record the new record's fields; {@code null} fields are not sent
     * @return the new record's pid (from {@code Location})
     * @throws InvalidPayloadException if a required field is missing or wrong
     */
    default String create(T record) {
        try (Response response = TokenReplay.once(() -> httpPost(record))) {
            return Created.pid(response);
        }
    }

    /**
     * Creates several records in one request ({@code POST /collection/} with an array), then reads them back from
     * the list link the API answers.
     *
     * @return the new records, with their pids, in the order given
     * @throws InvalidPayloadException if a record is invalid; then none is created
     */
    default List<T> createAll(List<T> records) {
        Query batch;
        try (Response response = TokenReplay.once(() -> httpPostAll(records))) {
            batch = Created.batch(response);
        }
        int size = Math.max(1, records.size());
        return size <= 1000 ? list(batch.page(0).maxResults(size)) : stream(batch.maxResults(1000)).toList();
    }

    /**
     * {@code PATCH /collection/{pid}}: changes the fields that are not {@code null} in {@code changes}.
     */
    default void update(String pid, T changes) {
        TokenReplay.once(() -> httpPatch(pid, changes));
    }

    /**
     * {@code PATCH /collection/}: changes several records; each must have its pid.
     */
    default void updateAll(List<T> changes) {
        TokenReplay.once(() -> httpPatchAll(changes));
    }

    /**
     * {@code DELETE /collection/{pid}}, with what depends on the record (such as the tickets of a booking).
     */
    default void delete(String pid) {
        TokenReplay.once(() -> httpDelete(pid));
    }

    // One HTTP request each, not replayed: the typed methods above build on them.

    /** {@code GET /collection/?…}, one request. */
    @GET
    @Path("/")
    List<T> httpList(@HeaderParam(Query.HEADER) Query query);

    /** {@code GET /collection/{pid}?…}, one request. */
    @GET
    @Path("/{pid}")
    T httpGet(@PathParam("pid") String pid, @HeaderParam(Query.HEADER) Query query);

    /** {@code HEAD /collection/?…}, one request: {@value #COUNT_HEADER} and no body. */
    @HEAD
    @Path("/")
    Response httpHead(@HeaderParam(Query.HEADER) Query query);

    /** {@code POST /collection/} with one object, one request: read the pid with {@link Created#pid}. */
    @POST
    @Path("/")
    Response httpPost(T record);

    /** {@code POST /collection/} with an array, one request: read the list link with {@link Created#batch}. */
    @POST
    @Path("/")
    Response httpPostAll(List<T> records);

    /** {@code PATCH /collection/{pid}}, one request. */
    @PATCH
    @Path("/{pid}")
    void httpPatch(@PathParam("pid") String pid, T changes);

    /** {@code PATCH /collection/} with an array, one request. */
    @PATCH
    @Path("/")
    void httpPatchAll(List<T> changes);

    /** {@code DELETE /collection/{pid}}, one request. */
    @DELETE
    @Path("/{pid}")
    void httpDelete(@PathParam("pid") String pid);
}
