package it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** A REST client of some other API (configKey {@code other}) in the same application: it must get no token. */
@RegisterRestClient(configKey = "other")
@Path("/events")
public interface OtherApiClient {

    @GET
    @Path("/")
    String list();
}
