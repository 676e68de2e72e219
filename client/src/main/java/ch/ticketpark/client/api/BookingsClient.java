package ch.ticketpark.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.Ticketpark;
import ch.ticketpark.client.model.Booking;

/**
 * The bookings ({@code /bookings/}); {@code get(pid, Query.create().expand("customer", "tickets"))} embeds
 * the customer and the tickets. Deleting a booking deletes its tickets. The booking flow: create the customer with
 * {@link PersonsClient}, the booking here, its tickets with {@link TicketsClient}, confirm it with
 * {@code update(pid, Booking.confirmation(true))} and send the confirmation with {@link EmailClient}. Inject it with {@code @Inject @RestClient BookingsClient}; what it offers: {@link CollectionClient}.
 */
@RegisterRestClient(configKey = Ticketpark.CONFIG_KEY, baseUri = Ticketpark.DEFAULT_API_URL)
@Path("/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface BookingsClient extends CollectionClient<Booking> {
}
