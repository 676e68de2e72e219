package ch.ticketpark.client.internal.rest;

import java.io.StringReader;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import ch.ticketpark.client.exception.AccessDeniedException;
import ch.ticketpark.client.exception.ApiServerErrorException;
import ch.ticketpark.client.exception.InvalidPayloadException;
import ch.ticketpark.client.exception.RecordNotFoundException;
import ch.ticketpark.client.exception.TicketparkApiException;
import ch.ticketpark.client.exception.TokenRejectedException;
import ch.ticketpark.client.internal.Messages;

/**
 * Turns every HTTP error answer of the Ticketpark API (status 400 and above) into a typed
 * {@link TicketparkApiException} with the status, the request's method and path, and the body. Registered on every
 * client with config key {@code ticketpark}; it takes precedence over the MicroProfile Rest Client's default mapper.
 */
@Priority(Priorities.USER - 100)
public final class TicketparkResponseExceptionMapper implements ResponseExceptionMapper<TicketparkApiException> {

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public TicketparkApiException toThrowable(Response response) {
        int status = response.getStatus();
        String method = null;
        String path = null;
        String request = response.getHeaderString(TicketparkResponseFilter.REQUEST_HEADER);
        if (request != null && request.indexOf(' ') > 0) {
            method = request.substring(0, request.indexOf(' '));
            path = request.substring(request.indexOf(' ') + 1);
        }
        return exception(status, method, path, body(response));
    }

    static TicketparkApiException exception(int status, String method, String path, String body) {
        String message = Messages.apiError(method, path, status, detail(body));
        return switch (status) {
            case 401 -> new TokenRejectedException(message, status, method, path, body);
            case 403 -> new AccessDeniedException(message, status, method, path, body);
            case 404 -> new RecordNotFoundException(message, status, method, path, body);
            case 409 -> new InvalidPayloadException(message, status, method, path, body);
            default -> status >= 500
                    ? new ApiServerErrorException(message, status, method, path, body)
                    : new TicketparkApiException(message, status, method, path, body);
        };
    }

    private static String body(Response response) {
        try {
            if (!response.hasEntity()) {
                return "";
            }
            String body = response.readEntity(String.class);
            return body == null ? "" : body;
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The API's {@code message} (or an OAuth {@code error_description}), else the start of the body. */
    static String detail(String body) {
        String trimmed = body.strip();
        if (trimmed.startsWith("{")) {
            try (var reader = Json.createReader(new StringReader(trimmed))) {
                JsonObject json = reader.readObject();
                for (String field : new String[]{"message", "error_description", "error"}) {
                    JsonValue value = json.get(field);
                    if (value instanceof JsonString text) {
                        return text.getString();
                    }
                }
            } catch (RuntimeException e) {
                // not JSON after all: fall through to the raw body
            }
        }
        return trimmed.length() <= 200 ? trimmed : trimmed.substring(0, 200) + "…";
    }
}
