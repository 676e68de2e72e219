package ch.ticketpark.example;

import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import ch.ticketpark.client.exception.TicketparkApiException;
import ch.ticketpark.client.exception.TicketparkException;

/**
 * Shows the page what went wrong with Ticketpark: the API's status for API errors (404, 409…), 502 for the rest
 * (token endpoint, configuration). The messages of the client's exceptions never contain a secret.
 */
@Provider
public class TicketparkErrorMapper implements ExceptionMapper<EJBException> {

    @Override
    public Response toResponse(EJBException exception) {
        Throwable cause = exception.getCause() != null ? exception.getCause() : exception.getCausedByException();
        // the REST client may wrap it (a ProcessingException around a failure of its request filter)
        for (int depth = 0; cause != null && !(cause instanceof TicketparkException) && depth < 5; depth++) {
            cause = cause.getCause();
        }
        if (!(cause instanceof TicketparkException ticketpark)) {
            return Response.serverError().build();
        }
        int status = ticketpark instanceof TicketparkApiException api && api.status() < 500 ? api.status() : 502;
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("error", ticketpark.getMessage()).build())
                .build();
    }
}
