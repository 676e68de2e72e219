package ch.ticketpark.sandbox.client;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A request the sandbox recorded ({@code GET /_sandbox/requests}). {@link #toString()} masks what a log must not
 * show: the value of {@code Authorization} (its scheme stays) and the form's {@code password}, {@code refresh_token}
 * and {@code client_secret}.
 *
 * @param target {@code token} or {@code api}
 * @param method the HTTP method
 * @param path the path below the sandbox's context root, e.g. {@code /events/abc}
 * @param query the query string, {@code ""} without one
 * @param headers by lower-case name
 * @param form the form fields of a token request; empty otherwise
 * @param bearer how the sandbox judged the bearer token of an API request (e.g. {@code valid}, {@code expired}), or
 *        {@code null}
 */
public record RecordedRequest(String target, String method, String path, String query,
        Map<String, List<String>> headers, Map<String, String> form, String bearer) {

    private static final Set<String> SECRET_FIELDS = Set.of("password", "refresh_token", "client_secret");

    public RecordedRequest {
        headers = Map.copyOf(headers);
        form = Map.copyOf(form);
    }

    /** The first value of a header, by any case of its name, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** {@code grant_type} of a token request, or {@code null}. */
    public String grantType() {
        return form.get("grant_type");
    }

    @Override
    public String toString() {
        String shownHeaders = new TreeMap<>(headers).entrySet().stream()
                .map(header -> header.getKey() + "=" + (header.getKey().equals("authorization")
                        ? header.getValue().stream().map(RecordedRequest::maskCredentials).toList()
                        : header.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        String shownForm = new TreeMap<>(form).entrySet().stream()
                .map(field -> field.getKey() + "="
                        + (SECRET_FIELDS.contains(field.getKey()) ? "****" : field.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        return "RecordedRequest[" + target + " " + method + " " + path + (query.isEmpty() ? "" : "?" + query)
                + ", headers=" + shownHeaders + (form.isEmpty() ? "" : ", form=" + shownForm)
                + (bearer == null ? "" : ", bearer=" + bearer) + "]";
    }

    private static String maskCredentials(String authorization) {
        int space = authorization.indexOf(' ');
        return (space > 0 ? authorization.substring(0, space + 1) : "") + "****";
    }
}
