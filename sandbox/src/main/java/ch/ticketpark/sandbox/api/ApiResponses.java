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
        return error(Response.Status.NOT_FOUND.getStatusCode(), message);
    }

    public static Response error(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder()
                        .add("code", status)
                        .add("message", message)
                        .build())
                .build();
    }
}
