package ch.ticketpark.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ch.ticketpark.client.Ticketpark;
import ch.ticketpark.client.model.Venue;

/**
 * The venues ({@code /venues/}). Inject it with {@code @Inject @RestClient VenuesClient}; what it offers: {@link CollectionClient}.
 */
@RegisterRestClient(configKey = Ticketpark.CONFIG_KEY, baseUri = Ticketpark.DEFAULT_API_URL)
@Path("/venues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface VenuesClient extends CollectionClient<Venue> {
}
