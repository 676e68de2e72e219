package ch.ticketpark.client.api;

import java.util.List;
import java.util.stream.Stream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ch.ticketpark.client.Pages;
import ch.ticketpark.client.Query;
import ch.ticketpark.client.ReplayWithNewToken;
import ch.ticketpark.client.Ticketpark;
import ch.ticketpark.client.TokenReplay;
import ch.ticketpark.client.model.Booking;

/**
 * The bookings of an event ({@code /events/{pid}/bookings/}): those with at least one ticket for a show of the event.
 * Read-only. Inject it with {@code @Inject @RestClient EventBookingsClient}.
 */
@RegisterRestClient(configKey = Ticketpark.CONFIG_KEY, baseUri = Ticketpark.DEFAULT_API_URL)
@ReplayWithNewToken
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
public interface EventBookingsClient {

    /**
     * {@code GET /events/{event}/bookings/?…}
     *
     * @param event the event's pid
     * @param query pagination, filters, order and expansion (such as {@code expand("customer")}); may be
     *        {@code null}
     * @return one page of the event's bookings
     */
    @GET
    @Path("/{event}/bookings/")
    List<Booking> list(@PathParam("event") String event, @HeaderParam(Query.HEADER) Query query);

    /**
     * @return all bookings of the event matching the query, fetched page after page as the stream needs them
     */
    default Stream<Booking> stream(String event, Query query) {
        return Pages.stream(page -> TokenReplay.once(() -> list(event, page)), query);
    }
}
