package ch.ticketpark.sandbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ch.ticketpark.sandbox.api.ApiResponses;
import ch.ticketpark.sandbox.webhook.WebhookFaultPlan;
import ch.ticketpark.sandbox.webhook.WebhookSender;

/**
 * The webhooks of the control plane, {@code /_sandbox/webhooks/...}; test-only, like all of it. A URL is always
 * answered with its last path segment (the receiver's secret) as {@code ****}.
 * <ul>
 * <li>{@code GET /_sandbox/webhooks}: {@code {"url": masked|null, "pending": n, "sent": n}}</li>
 * <li>{@code PUT /_sandbox/webhooks/callback} {@code {"url": "http(s)://..."}}: send webhooks there (204; 400 if no
 * absolute http(s) URL); {@code DELETE}: send none any more (204); {@code GET}: {@code {"url": masked|null}}</li>
 * <li>{@code POST /_sandbox/webhooks/send} {@code {"type": "...", "payload": {...}}}: queue one delivery exactly as
 * given, any type, any payload (202; 409 without a callback URL; 400 if type is no string or payload no object)</li>
 * <li>{@code GET /_sandbox/webhooks/deliveries}: the answered deliveries, oldest first, the last 2000:
 * {@code [{"id","type","payload","url","status","error","millis","fault"}]}</li>
 * <li>{@code POST /_sandbox/webhooks/faults} {@code {"type": "duplicate"|"delay"|"out_of_order"|"wrong_secret"|
 * "forged_pid", "count": n, "copies": n, "delayMillis": n}}: arm a fault for the next {@code count} deliveries (200
 * with the armed ones; 400 naming what is wrong); {@code GET}: the armed ones; {@code DELETE}: disarm all (204)</li>
 * </ul>
 * {@code POST /_sandbox/reset} also drops the pending deliveries, forgets the deliveries and the webhook faults and
 * restores the configured callback URL ({@code sandbox.webhook-url}).
 */
@ApplicationScoped
@Path("_sandbox/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookControlResource {

    private final WebhookSender sender;
    private final WebhookFaultPlan faults;

    @Inject
    public WebhookControlResource(WebhookSender sender, WebhookFaultPlan faults) {
        this.sender = sender;
        this.faults = faults;
    }

    /** For the CDI client proxy only. */
    protected WebhookControlResource() {
        this(null, null);
    }

    @GET
    public JsonObject state() {
        return ControlJson.webhooks(sender.callbackUrl(), sender.pending(), sender.sent());
    }

    @GET
    @Path("callback")
    public JsonObject callback() {
        return ControlJson.callback(sender.callbackUrl());
    }

    @PUT
    @Path("callback")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setCallback(String body) {
        try {
            sender.callbackUrl(WebhookRequests.callback(body));
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("callback")
    public Response stop() {
        sender.callbackUrl(null);
        return Response.noContent().build();
    }

    @POST
    @Path("send")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(String body) {
        try {
            if (!sender.enqueue(WebhookRequests.webhook(body))) {
                return ApiResponses.error(Response.Status.CONFLICT.getStatusCode(),
                        "No callback URL is set: PUT /_sandbox/webhooks/callback first");
            }
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
        return Response.accepted().build();
    }

    @GET
    @Path("deliveries")
    public Response deliveries() {
        JsonArrayBuilder deliveries = Json.createArrayBuilder();
        sender.deliveries().forEach(delivery -> deliveries.add(ControlJson.delivery(delivery)));
        return Response.ok(deliveries.build()).build();
    }

    @POST
    @Path("faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response armFault(String body) {
        try {
            faults.arm(WebhookRequests.fault(body));
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
        return Response.ok(ControlJson.webhookFaults(faults)).build();
    }

    @GET
    @Path("faults")
    public JsonObject faults() {
        return ControlJson.webhookFaults(faults);
    }

    @DELETE
    @Path("faults")
    public Response clearFaults() {
        faults.clear();
        return Response.noContent().build();
    }

    private static Response badRequest(String message) {
        return ApiResponses.error(Response.Status.BAD_REQUEST.getStatusCode(), message);
    }
}
