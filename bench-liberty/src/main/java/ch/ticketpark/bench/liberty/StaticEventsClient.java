package ch.ticketpark.bench.liberty;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ch.ticketpark.client.model.Event;

/**
 * {@code GET /events/} as the library's {@code EventsClient} sends it (same URL, same JSON headers, same record type),
 * with a constant token ({@link StaticBearerFilter}) instead of the library's. Its config key is not
 * {@code ticketpark}, so the library's {@code RestClientListener} leaves it alone: no provider of the library is on it.
 * Its URL is the library's ({@code META-INF/microprofile-config.properties}).
 */
@RegisterRestClient(configKey = StaticEventsClient.CONFIG_KEY)
@RegisterProvider(StaticBearerFilter.class)
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface StaticEventsClient {

    String CONFIG_KEY = "bench-static";

    @GET
    @Path("/")
    List<Event> list();
}
