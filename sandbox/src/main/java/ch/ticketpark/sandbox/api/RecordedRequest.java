package ch.ticketpark.sandbox.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import ch.ticketpark.sandbox.oauth.BearerCheck;

/**
 * A request as the sandbox received it, for tests to inspect. The Authorization header and the secret form fields
 * are stored masked.
 *
 * @param target {@code api} or {@code token}
 * @param method the HTTP method
 * @param path the raw path below the context root, with a leading slash (for example {@code /events/})
 * @param query the raw query string, {@code ""} when there is none
 * @param headers the headers by lower-case name
 * @param form the form fields of a token request (secrets masked); empty for API requests
 * @param bearer the outcome of the Bearer token check of an API request; {@code null} for token requests
 */
public record RecordedRequest(String target, String method, String path, String query,
        Map<String, List<String>> headers, Map<String, String> form, BearerCheck bearer) {

    public static final String API = "api";
    public static final String TOKEN = "token";

    public RecordedRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
        headers = Map.copyOf(headers);
        form = Map.copyOf(form);
        if (API.equals(target)) {
            Objects.requireNonNull(bearer, "bearer");
        }
    }

    /** An API request. */
    public RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
            BearerCheck bearer) {
        this(API, method, path, query, headers, Map.of(), bearer);
    }
}
