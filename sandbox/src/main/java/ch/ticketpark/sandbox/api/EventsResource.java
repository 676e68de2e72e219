package ch.ticketpark.sandbox.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /events/} (a bare JSON array) and {@code GET /events/{pid}}.
 */
@ApplicationScoped
@Path("events")
@BearerProtected
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    private final EventStore store;

    @Inject
    public EventsResource(EventStore store) {
        this.store = store;
    }

    /** For the CDI client proxy only. */
    protected EventsResource() {
        this.store = null;
    }

    @GET
    public JsonArray list(@Context UriInfo uriInfo) {
        JsonArrayBuilder events = Json.createArrayBuilder();
        store.all().forEach(event -> events.add(EventJson.toJson(event, uriInfo.getBaseUri())));
        return events.build();
    }

    @GET
    @Path("{pid}")
    public Response get(@PathParam("pid") String pid, @Context UriInfo uriInfo) {
        return store.find(pid)
                .map(event -> Response.ok(EventJson.toJson(event, uriInfo.getBaseUri())).build())
                .orElseGet(() -> ApiResponses.notFound("Event " + pid + " not found"));
    }
}
