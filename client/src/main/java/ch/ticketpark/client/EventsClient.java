package ch.ticketpark.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ch.ticketpark.client.model.Event;

/**
 * The Ticketpark events resource. Inject it into any EJB or CDI bean; the access token is handled for you:
 *
 * <pre>
 * &#64;Inject
 * &#64;RestClient
 * EventsClient events;
 *
 * List&lt;Event&gt; all = events.list();
 * </pre>
 */
@RegisterRestClient(configKey = Ticketpark.CONFIG_KEY, baseUri = Ticketpark.DEFAULT_API_URL)
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
public interface EventsClient {

    /**
     * @return the events visible to the authenticated user ({@code GET /events/})
     */
    @GET
    @Path("/")
    List<Event> list();

    /**
     * @param pid the event's pid
     * @return the event ({@code GET /events/{pid}})
     */
    @GET
    @Path("/{pid}")
    Event get(@PathParam("pid") String pid);
}
