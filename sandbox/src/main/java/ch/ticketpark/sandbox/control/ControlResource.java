package ch.ticketpark.sandbox.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ch.ticketpark.sandbox.SandboxStats;
import ch.ticketpark.sandbox.api.ApiResponses;
import ch.ticketpark.sandbox.api.RequestLog;
import ch.ticketpark.sandbox.oauth.TokenAuthority;

/**
 * The control plane {@code /_sandbox/...}, for tests and demos only; it has no authentication and nothing like it
 * exists on {@code api.ticketpark.ch}.
 * <ul>
 * <li>{@code POST /_sandbox/reset}: forget tokens, counters and recorded requests; restore the configured
 * lifetimes</li>
 * <li>{@code GET /_sandbox/stats}: the counters</li>
 * <li>{@code GET /_sandbox/requests/last}: the last API request (404 if none); {@code GET /_sandbox/requests}: the
 * recent ones, oldest first</li>
 * <li>{@code POST /_sandbox/lifetimes?access=s&refresh=s}: lifetimes, in seconds, of tokens issued from now on</li>
 * <li>{@code POST /_sandbox/revoke}: forget every issued access token (refresh tokens stay valid)</li>
 * </ul>
 */
@ApplicationScoped
@Path("_sandbox")
public class ControlResource {

    private final TokenAuthority authority;
    private final SandboxStats stats;
    private final RequestLog requestLog;

    @Inject
    public ControlResource(TokenAuthority authority, SandboxStats stats, RequestLog requestLog) {
        this.authority = authority;
        this.stats = stats;
        this.requestLog = requestLog;
    }

    /** For the CDI client proxy only. */
    protected ControlResource() {
        this.authority = null;
        this.stats = null;
        this.requestLog = null;
    }

    @POST
    @Path("reset")
    public Response reset() {
        authority.reset();
        stats.reset();
        requestLog.clear();
        return Response.noContent().build();
    }

    @GET
    @Path("stats")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject stats() {
        return ControlJson.stats(stats.snapshot());
    }

    @GET
    @Path("requests/last")
    @Produces(MediaType.APPLICATION_JSON)
    public Response lastRequest() {
        return requestLog.last()
                .map(request -> Response.ok(ControlJson.request(request)).build())
                .orElseGet(() -> ApiResponses.notFound("No API request recorded"));
    }

    @GET
    @Path("requests")
    @Produces(MediaType.APPLICATION_JSON)
    public Response requests() {
        JsonArrayBuilder requests = Json.createArrayBuilder();
        requestLog.all().forEach(request -> requests.add(ControlJson.request(request)));
        return Response.ok(requests.build()).build();
    }

    @POST
    @Path("lifetimes")
    public Response lifetimes(@QueryParam("access") Long access, @QueryParam("refresh") Long refresh) {
        if ((access != null && access < 0) || (refresh != null && refresh < 0)) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("lifetimes must not be negative")
                    .build();
        }
        authority.changeLifetimes(seconds(access), seconds(refresh));
        return Response.noContent().build();
    }

    @POST
    @Path("revoke")
    public Response revoke() {
        authority.revokeAccessTokens();
        return Response.noContent().build();
    }

    private static Duration seconds(Long value) {
        return value == null ? null : Duration.ofSeconds(value);
    }
}
