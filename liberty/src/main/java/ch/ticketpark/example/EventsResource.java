package ch.ticketpark.example;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import ch.ticketpark.client.model.Event;

/**
 * The example's JSON API, read by its page: {@code GET /api/events} and {@code GET /api/events/{pid}}.
 */
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    @Inject
    EventService service;

    @GET
    public List<Event> events() {
        return service.events();
    }

    @GET
    @Path("/{pid}")
    public Event event(@PathParam("pid") String pid) {
        return service.event(pid);
    }
}
