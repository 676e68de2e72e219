package ch.ticketpark.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ch.ticketpark.client.Ticketpark;
import ch.ticketpark.client.model.TicketOptionGroup;

/**
 * The ticket option groups ({@code /ticketoptiongroups/}); deleting a group deletes its ticket options. Inject it with {@code @Inject @RestClient TicketOptionGroupsClient}; what it offers: {@link CollectionClient}.
 */
@RegisterRestClient(configKey = Ticketpark.CONFIG_KEY, baseUri = Ticketpark.DEFAULT_API_URL)
@Path("/ticketoptiongroups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TicketOptionGroupsClient extends CollectionClient<TicketOptionGroup> {
}
