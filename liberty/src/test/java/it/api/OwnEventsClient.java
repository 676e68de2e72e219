package it.api;

import jakarta.json.JsonArray;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.ReplayWithNewToken;
import ch.ticketpark.client.Ticketpark;

/**
 * An application's own interface for a Ticketpark endpoint, declared as docs/typed-api.md shows: config key
 * {@code ticketpark} (the token, typed errors, {@link Query} support) and {@link ReplayWithNewToken} (the replay on
 * 401, by the library's interceptor).
 */
@RegisterRestClient(configKey = Ticketpark.CONFIG_KEY)
@ReplayWithNewToken
@Path("/")
public interface OwnEventsClient {

    @GET
    @Path("/events/")
    @Produces(MediaType.APPLICATION_JSON)
    JsonArray events(@HeaderParam(Query.HEADER) Query query);
}
