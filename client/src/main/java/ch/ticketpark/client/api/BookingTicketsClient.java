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
import ch.ticketpark.client.model.Ticket;

/**
 * The tickets of a booking ({@code /bookings/{pid}/tickets/}). Read-only. Inject it with
 * {@code @Inject @RestClient BookingTicketsClient}.
 */
@RegisterRestClient(configKey = Ticketpark.CONFIG_KEY, baseUri = Ticketpark.DEFAULT_API_URL)
@ReplayWithNewToken
@Path("/bookings")
@Produces(MediaType.APPLICATION_JSON)
public interface BookingTicketsClient {

    /**
     * {@code GET /bookings/{booking}/tickets/?…}
     *
     * @param booking the booking's pid
     * @param query pagination and filters, such as {@code Query.create().filter("show", showPid)}; may be
     *        {@code null}
     * @return one page of the booking's tickets
     */
    @GET
    @Path("/{booking}/tickets/")
    List<Ticket> list(@PathParam("booking") String booking, @HeaderParam(Query.HEADER) Query query);

    /**
     * @return all tickets of the booking matching the query, fetched page after page as the stream needs them
     */
    default Stream<Ticket> stream(String booking, Query query) {
        return Pages.stream(page -> TokenReplay.once(() -> list(booking, page)), query);
    }
}
