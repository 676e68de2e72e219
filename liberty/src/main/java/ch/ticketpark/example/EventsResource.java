package ch.ticketpark.example;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import ch.ticketpark.client.model.Event;
import ch.ticketpark.client.model.Show;

/**
 * The example's JSON API, read by its page: {@code GET /api/events}, {@code /api/events/{pid}} and
 * {@code /api/events/{pid}/shows}.
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

    @GET
    @Path("/{pid}/shows")
    public List<Show> shows(@PathParam("pid") String pid) {
        return service.shows(pid);
    }
}
