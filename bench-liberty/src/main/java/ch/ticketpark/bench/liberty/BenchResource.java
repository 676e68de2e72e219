package ch.ticketpark.bench.liberty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ch.ticketpark.client.api.EventsClient;

/**
 * {@code GET /bench/library} and {@code GET /bench/static}: each reads the first page of events and answers how many
 * it read, the one through the library, the other through {@link StaticEventsClient}.
 */
@ApplicationScoped
@Path("/")
@Produces(MediaType.TEXT_PLAIN)
public class BenchResource {

    private final EventsClient library;
    private final StaticEventsClient constant;

    @Inject
    public BenchResource(@RestClient EventsClient library, @RestClient StaticEventsClient constant) {
        this.library = library;
        this.constant = constant;
    }

    /** For the CDI client proxy only. */
    protected BenchResource() {
        this(null, null);
    }

    @GET
    @Path("library")
    public String library() {
        return Integer.toString(library.list().size());
    }

    @GET
    @Path("static")
    public String constant() {
        return Integer.toString(constant.list().size());
    }
}
