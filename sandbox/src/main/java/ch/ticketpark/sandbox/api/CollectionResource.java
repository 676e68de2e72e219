package ch.ticketpark.sandbox.api;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import ch.ticketpark.sandbox.store.Page;
import ch.ticketpark.sandbox.store.Query;
import ch.ticketpark.sandbox.store.QueryParser;
import ch.ticketpark.sandbox.store.Relation;
import ch.ticketpark.sandbox.store.ResourceStore;
import ch.ticketpark.sandbox.store.Schema;
import ch.ticketpark.sandbox.store.StoreException;

/**
 * Every collection of the API through one resource: {@code GET /c/} (a bare JSON array, {@code x-count}),
 * {@code GET /c/{pid}}, {@code POST /c/} (one object or an array: 201, empty body, {@code Location}),
 * {@code PATCH /c/{pid}} and {@code PATCH /c/} (an array, each with its pid: 204), {@code DELETE /c/{pid}} (204,
 * cascading), the nested lists {@code /events/{pid}/bookings/} and {@code /bookings/{pid}/tickets/}, and HEAD on
 * every GET (JAX-RS runs the GET and drops the body, keeping {@code x-count}).
 */
@ApplicationScoped
@Path("{collection: " + Schema.PATH_PATTERN + "}")
@BearerProtected
@Produces(MediaType.APPLICATION_JSON)
public class CollectionResource {

    static final String COUNT_HEADER = "x-count";

    /** The nested lists the API offers: parent collection to the collection listed below it. */
    private static final Map<String, String> NESTED = Map.of(Schema.EVENTS, Schema.BOOKINGS, Schema.BOOKINGS,
            Schema.TICKETS);

    private final ResourceStore store;

    @Inject
    public CollectionResource(ResourceStore store) {
        this.store = store;
    }

    /** For the CDI client proxy only. */
    protected CollectionResource() {
        this.store = null;
    }

    @GET
    public Response list(@PathParam("collection") String collection, @Context UriInfo uriInfo) {
        Query query = query(uriInfo);
        return page(store.list(collection, query), query, uriInfo);
    }

    @GET
    @Path("{pid}")
    public Response get(@PathParam("collection") String collection, @PathParam("pid") String pid,
            @Context UriInfo uriInfo) {
        Query query = query(uriInfo);
        return Response.ok(renderer(uriInfo).render(store.get(collection, pid), query.properties())).build();
    }

    @GET
    @Path("{pid}/{nested}")
    public Response nested(@PathParam("collection") String collection, @PathParam("pid") String pid,
            @PathParam("nested") String nested, @Context UriInfo uriInfo) {
        if (!nested.equals(NESTED.get(collection))) {
            throw new StoreException(StoreException.NOT_FOUND, "No such list: /" + collection + "/{pid}/" + nested
                    + "/");
        }
        Query query = query(uriInfo);
        Page page = Schema.EVENTS.equals(collection)
                ? store.bookingsOfEvent(pid, query)
                : store.children(new Relation(Schema.TICKETS, "booking"), store.get(collection, pid).pid(), query);
        return page(page, query, uriInfo);
    }

    @POST
    public Response create(@PathParam("collection") String collection, String body, @Context UriInfo uriInfo) {
        JsonValue json = JsonBodies.read(body);
        String base = ApiFormats.selfHref(uriInfo.getBaseUri(), collection, "");
        String location;
        if (json instanceof JsonArray array) {
            String batchId = store.createMany(collection, array);
            location = base + "?filters[batchId]=" + batchId + "&orderBy[batchOrder]=asc";
        } else if (json instanceof JsonObject object) {
            location = base + store.create(collection, object).pid();
        } else {
            throw StoreException.invalid("The request body must be a JSON object or an array of objects");
        }
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, location).build();
    }

    @PATCH
    public Response patchMany(@PathParam("collection") String collection, String body) {
        if (!(JsonBodies.read(body) instanceof JsonArray array)) {
            throw StoreException.invalid("PATCH on a collection takes an array of objects, each with its pid");
        }
        store.patchMany(collection, array);
        return Response.noContent().build();
    }

    @PATCH
    @Path("{pid}")
    public Response patch(@PathParam("collection") String collection, @PathParam("pid") String pid, String body) {
        store.patch(collection, pid, JsonBodies.object(body));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{pid}")
    public Response delete(@PathParam("collection") String collection, @PathParam("pid") String pid) {
        store.delete(collection, pid);
        return Response.noContent().build();
    }

    private Response page(Page page, Query query, UriInfo uriInfo) {
        return Response.ok(renderer(uriInfo).render(page.items(), query.properties()))
                .header(COUNT_HEADER, page.total())
                .build();
    }

    private EntityRenderer renderer(UriInfo uriInfo) {
        return new EntityRenderer(uriInfo.getBaseUri(), store);
    }

    private static Query query(UriInfo uriInfo) {
        return QueryParser.parse(uriInfo.getRequestUri().getRawQuery());
    }
}
