package ch.ticketpark.example;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The webhooks the application received, newest first, for the page: {@code GET /api/webhooks}. */
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    @Inject
    WebhookFeed feed;

    @GET
    public JsonArray arrivals() {
        JsonArrayBuilder arrivals = Json.createArrayBuilder();
        feed.arrivals().forEach(arrival -> arrivals.add(Json.createObjectBuilder().add("at", arrival.at().toString())
                .add("type", arrival.type()).add("pid", arrival.pid()).add("summary", arrival.summary())));
        return arrivals.build();
    }
}
