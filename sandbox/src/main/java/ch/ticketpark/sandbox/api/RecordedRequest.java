package ch.ticketpark.sandbox.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import ch.ticketpark.sandbox.oauth.BearerCheck;

/**
 * An API request as the sandbox received it, for tests to inspect. The Authorization header is stored masked.
 *
 * @param method the HTTP method
 * @param path the raw path below the context root, with a leading slash (for example {@code /events/})
 * @param query the raw query string, {@code ""} when there is none
 * @param headers the headers by lower-case name
 * @param bearer the outcome of the Bearer token check
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
        BearerCheck bearer) {

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
        headers = Map.copyOf(headers);
        Objects.requireNonNull(bearer, "bearer");
    }
}
