package ch.ticketpark.example;

import java.time.Instant;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.status.TokenProblem;
import ch.ticketpark.client.status.TokenStatus;

/**
 * The token's status for the example's page, {@code GET /api/token}: what {@link TicketparkTokens#status()} reads,
 * without a token request and without any token in it. Codes and kinds only, no message: a message may quote what
 * the token endpoint answered, which belongs in the log, not on a page.
 */
@Path("/token")
@Produces(MediaType.APPLICATION_JSON)
public class TokenStatusResource {

    @Inject
    TicketparkTokens tokens;

    @GET
    public JsonObject status() {
        TokenStatus status = tokens.status();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("ready", status.ready())
                .add("state", status.state().name())
                .add("passwordGrants", status.passwordGrants())
                .add("refreshGrants", status.refreshGrants())
                .add("failedRequests", status.failedRequests());
        instant(json, "validUntil", status.validUntil());
        status.validFor().ifPresent(left -> json.add("secondsUntilExpiry", left.toSeconds()));
        status.lastObtained().ifPresent(obtained -> json.add("lastObtained", Json.createObjectBuilder()
                .add("grantType", obtained.grantType().wireName()).add("at", obtained.obtainedAt().toString())));
        status.lastFailure().ifPresent(failed -> json.add("lastFailure", Json.createObjectBuilder()
                .add("code", failed.code()).add("at", failed.failedAt().toString())));
        instant(json, "circuitOpenUntil", status.circuitOpenUntil());
        JsonArrayBuilder problems = Json.createArrayBuilder();
        for (TokenProblem problem : status.problems()) {
            problems.add(Json.createObjectBuilder().add("kind", problem.kind().name()).add("code", problem.code()));
        }
        return json.add("problems", problems).build();
    }

    private static void instant(JsonObjectBuilder json, String name, Optional<Instant> value) {
        value.ifPresent(instant -> json.add(name, instant.toString()));
    }
}
