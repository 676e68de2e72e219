package it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ch.ticketpark.client.Ticketpark;

/**
 * An application's own interface for a Ticketpark endpoint (configKey {@code ticketpark}, no
 * {@code @RegisterProvider}): it must get the token like the library's clients.
 */
@RegisterRestClient(configKey = Ticketpark.CONFIG_KEY)
@Path("/events")
public interface OwnTicketparkClient {

    @GET
    @Path("/")
    String list();
}
