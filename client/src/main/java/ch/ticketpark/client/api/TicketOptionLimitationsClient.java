package ch.ticketpark.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ch.ticketpark.client.Ticketpark;
import ch.ticketpark.client.model.TicketOptionLimitation;

/**
 * The ticket option limitations ({@code /ticketoptionlimitations/}). Inject it with {@code @Inject @RestClient TicketOptionLimitationsClient}; what it offers: {@link CollectionClient}.
 */
@RegisterRestClient(configKey = Ticketpark.CONFIG_KEY, baseUri = Ticketpark.DEFAULT_API_URL)
@Path("/ticketoptionlimitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TicketOptionLimitationsClient extends CollectionClient<TicketOptionLimitation> {
}
