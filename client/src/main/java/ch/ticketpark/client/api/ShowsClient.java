package ch.ticketpark.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.Ticketpark;
import ch.ticketpark.client.model.Show;

/**
 * The shows ({@code /shows/}); {@code get(pid, Query.create().expand("capacity"))} adds the seats sold and
 * available. Inject it with {@code @Inject @RestClient ShowsClient}; what it offers: {@link CollectionClient}.
 */
@RegisterRestClient(configKey = Ticketpark.CONFIG_KEY, baseUri = Ticketpark.DEFAULT_API_URL)
@Path("/shows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ShowsClient extends CollectionClient<Show> {
}
