package ch.ticketpark.sandbox.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import ch.ticketpark.sandbox.store.StoreException;

/**
 * Answers a refused store operation with its status and {@code {"code","message"}}.
 */
@Provider
public class StoreExceptionMapper implements ExceptionMapper<StoreException> {

    @Override
    public Response toResponse(StoreException exception) {
        return ApiResponses.error(exception.status(), exception.getMessage());
    }
}
