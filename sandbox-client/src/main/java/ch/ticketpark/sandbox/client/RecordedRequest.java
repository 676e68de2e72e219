package ch.ticketpark.sandbox.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A request the sandbox recorded ({@code GET /_sandbox/requests}). {@link #toString()} masks what a log must not
 * show: the values of {@code Authorization} and {@code Proxy-Authorization} (the scheme stays), and the values of
 * {@code password}, {@code refresh_token}, {@code client_secret} and {@code access_token} in the form and in the
 * query.
 *
 * @param target {@code token} or {@code api}
 * @param method the HTTP method
 * @param path the path below the sandbox's context root, e.g. {@code /events/abc}
 * @param query the query string, {@code ""} without one
 * @param headers by name, in lower case (any other case is lowered)
 * @param form the form fields of a token request; empty otherwise
 * @param bearer how the sandbox judged the bearer token of an API request (e.g. {@code valid}, {@code expired}), or
 *        {@code null}
 */
public record RecordedRequest(String target, String method, String path, String query,
        Map<String, List<String>> headers, Map<String, String> form, String bearer) {

    private static final Set<String> SECRET_FIELDS = Set.of("password", "refresh_token", "client_secret",
            "access_token");
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization");

    public RecordedRequest {
        Map<String, List<String>> lowered = new TreeMap<>();
        headers.forEach((name, values) -> lowered.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (first, more) -> Stream.concat(first.stream(), more.stream()).toList()));
        headers = Map.copyOf(lowered);
        form = Map.copyOf(form);
    }

    /** The first value of a header, by any case of its name, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** {@code grant_type} of a token request, or {@code null}. */
    public String grantType() {
        return form.get("grant_type");
    }

    @Override
    public String toString() {
        String shownHeaders = new TreeMap<>(headers).entrySet().stream()
                .map(header -> header.getKey() + "=" + (CREDENTIAL_HEADERS.contains(header.getKey())
                        ? header.getValue().stream().map(RecordedRequest::maskCredentials).toList()
                        : header.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        String shownForm = new TreeMap<>(form).entrySet().stream()
                .map(field -> field.getKey() + "="
                        + (SECRET_FIELDS.contains(field.getKey()) ? "****" : field.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        return "RecordedRequest[" + target + " " + method + " " + path + (query.isEmpty() ? "" : "?" + maskQuery(query))
                + ", headers=" + shownHeaders + (form.isEmpty() ? "" : ", form=" + shownForm)
                + (bearer == null ? "" : ", bearer=" + bearer) + "]";
    }

    private static String maskQuery(String query) {
        return Stream.of(query.split("&", -1)).map(parameter -> {
            int equals = parameter.indexOf('=');
            return equals >= 0 && SECRET_FIELDS.contains(decoded(parameter.substring(0, equals)))
                    ? parameter.substring(0, equals + 1) + "****"
                    : parameter;
        }).collect(Collectors.joining("&"));
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private static String maskCredentials(String authorization) {
        int space = authorization.indexOf(' ');
        return (space > 0 ? authorization.substring(0, space + 1) : "") + "****";
    }
}
