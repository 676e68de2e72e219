package ch.ticketpark.sandbox.api;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Error answers of the resource API. Ticketpark documents no error body; the sandbox uses FOSRestBundle's default
 * {@code {"code","message"}}.
 */
public final class ApiResponses {

    private ApiResponses() {
    }

    public static Response notFound(String message) {
        return Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder()
                        .add("code", Response.Status.NOT_FOUND.getStatusCode())
                        .add("message", message)
                        .build())
                .build();
    }
}
