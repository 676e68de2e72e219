package ch.ticketpark.sandbox.control;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ch.ticketpark.sandbox.SandboxStats;
import ch.ticketpark.sandbox.TimeShift;
import ch.ticketpark.sandbox.api.ApiResponses;
import ch.ticketpark.sandbox.api.Mailbox;
import ch.ticketpark.sandbox.api.RecordedRequest;
import ch.ticketpark.sandbox.api.RequestLog;
import ch.ticketpark.sandbox.fault.Fault;
import ch.ticketpark.sandbox.fault.FaultPlan;
import ch.ticketpark.sandbox.oauth.TokenAuthority;
import ch.ticketpark.sandbox.store.ResourceStore;
import ch.ticketpark.sandbox.webhook.WebhookSender;

/**
 * The control plane {@code /_sandbox/...}, for tests and demos only; it has no authentication and nothing like it
 * exists on {@code api.ticketpark.ch}.
 * <ul>
 * <li>{@code POST /_sandbox/reset}: back to the seed data; forget tokens, counters, recorded requests, faults, sent
 * e-mails and the time shift; restore the configured lifetimes; drop the pending webhook deliveries, forget the
 * delivered ones and the webhook faults, restore the configured callback URL</li>
 * <li>{@code GET /_sandbox/stats}: the counters</li>
 * <li>{@code GET /_sandbox/requests/last?target=api|token}: the last request (API by default; 404 if none);
 * {@code GET /_sandbox/requests?target=&limit=}: the recent ones, oldest first</li>
 * <li>{@code POST /_sandbox/lifetimes?access=s&refresh=s}: lifetimes, in seconds, of tokens issued from now on</li>
 * <li>{@code POST /_sandbox/revoke}: forget every issued access token (refresh tokens stay valid)</li>
 * <li>{@code POST /_sandbox/faults} {@code {"target","type","count","every","grantType",...}}: arm a fault (see
 * {@link FaultPlan} for the order); {@code GET}: the armed ones and how many were injected; {@code DELETE}: disarm
 * all</li>
 * <li>{@code POST /_sandbox/clock?advance=s}: move the sandbox's time forward; {@code GET}: its time</li>
 * <li>{@code GET /_sandbox/emails}: the e-mails {@code POST /email/send} sent</li>
 * <li>{@code /_sandbox/webhooks/...}: the webhooks ({@link WebhookControlResource})</li>
 * </ul>
 */
@ApplicationScoped
@Path("_sandbox")
@Produces(MediaType.APPLICATION_JSON)
public class ControlResource {

    private final TokenAuthority authority;
    private final SandboxStats stats;
    private final RequestLog requestLog;
    private final ResourceStore store;
    private final FaultPlan faults;
    private final TimeShift timeShift;
    private final Mailbox mailbox;
    private final Clock clock;
    private final WebhookSender webhooks;

    @Inject
    public ControlResource(TokenAuthority authority, SandboxStats stats, RequestLog requestLog, ResourceStore store,
            FaultPlan faults, TimeShift timeShift, Mailbox mailbox, Clock clock, WebhookSender webhooks) {
        this.authority = authority;
        this.stats = stats;
        this.requestLog = requestLog;
        this.store = store;
        this.faults = faults;
        this.timeShift = timeShift;
        this.mailbox = mailbox;
        this.clock = clock;
        this.webhooks = webhooks;
    }

    /** For the CDI client proxy only. */
    protected ControlResource() {
        this(null, null, null, null, null, null, null, null, null);
    }

    @POST
    @Path("reset")
    public Response reset() {
        faults.clear();
        webhooks.reset();
        timeShift.reset();
        authority.reset();
        store.reset();
        mailbox.clear();
        stats.reset();
        requestLog.clear();
        return Response.noContent().build();
    }

    @GET
    @Path("stats")
    public JsonObject stats() {
        return ControlJson.stats(stats.snapshot(), stats.counters());
    }

    @GET
    @Path("requests/last")
    public Response lastRequest(@QueryParam("target") @DefaultValue(RecordedRequest.API) String target) {
        return requestLog.last(target)
                .map(request -> Response.ok(ControlJson.request(request)).build())
                .orElseGet(() -> ApiResponses.notFound("No " + target + " request recorded"));
    }

    @GET
    @Path("requests")
    public Response requests(@QueryParam("target") String target, @QueryParam("limit") Integer limit) {
        if (target != null && !List.of(RecordedRequest.API, RecordedRequest.TOKEN).contains(target)) {
            return badRequest("target must be api or token, not " + target);
        }
        if (limit != null && limit < 0) {
            return badRequest("limit must not be negative");
        }
        List<RecordedRequest> matching = requestLog.all().stream()
                .filter(request -> target == null || request.target().equals(target))
                .toList();
        int from = limit == null ? 0 : Math.max(0, matching.size() - limit);
        JsonArrayBuilder requests = Json.createArrayBuilder();
        matching.subList(from, matching.size()).forEach(request -> requests.add(ControlJson.request(request)));
        return Response.ok(requests.build()).build();
    }

    @POST
    @Path("lifetimes")
    public Response lifetimes(@QueryParam("access") Long access, @QueryParam("refresh") Long refresh) {
        if ((access != null && access < 0) || (refresh != null && refresh < 0)) {
            return badRequest("lifetimes must not be negative");
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

    @POST
    @Path("faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response armFault(String body) {
        try {
            faults.arm(Fault.fromJson(Json.createReader(new java.io.StringReader(body)).readObject()));
        } catch (IllegalArgumentException | JsonException | IllegalStateException e) {
            return badRequest(e.getMessage());
        }
        return Response.ok(ControlJson.faults(faults)).build();
    }

    @GET
    @Path("faults")
    public JsonObject faults() {
        return ControlJson.faults(faults);
    }

    @DELETE
    @Path("faults")
    public Response clearFaults() {
        faults.clear();
        return Response.noContent().build();
    }

    @GET
    @Path("clock")
    public JsonObject clock() {
        return ControlJson.clock(clock.instant(), timeShift.offset());
    }

    @POST
    @Path("clock")
    public Response advanceClock(@QueryParam("advance") Long seconds) {
        if (seconds == null || seconds < 0) {
            return badRequest("advance must be a number of seconds, not negative");
        }
        timeShift.advance(Duration.ofSeconds(seconds));
        return Response.ok(clock()).build();
    }

    @GET
    @Path("emails")
    public Response emails() {
        JsonArrayBuilder emails = Json.createArrayBuilder();
        mailbox.sent().forEach(email -> emails.add(ControlJson.email(email)));
        return Response.ok(emails.build()).build();
    }

    private static Response badRequest(String message) {
        return ApiResponses.error(Response.Status.BAD_REQUEST.getStatusCode(), message);
    }

    private static Duration seconds(Long value) {
        return value == null ? null : Duration.ofSeconds(value);
    }
}
