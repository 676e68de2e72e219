package ch.ticketpark.sandbox.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import ch.ticketpark.sandbox.Counter;
import ch.ticketpark.sandbox.SandboxStats;
import ch.ticketpark.sandbox.oauth.BearerCheck;

/**
 * Records requests in the {@link RequestLog}, secrets masked, and counts API requests in the {@link SandboxStats}.
 */
@ApplicationScoped
public class RequestRecorder {

    private static final Set<String> CREDENTIAL_HEADERS = Set.of(HttpHeaders.AUTHORIZATION.toLowerCase(Locale.ROOT),
            "proxy-authorization");
    private static final Set<String> SECRET_FIELDS = Set.of("password", "client_secret", "refresh_token",
            "access_token");

    private final RequestLog log;
    private final SandboxStats stats;

    @Inject
    public RequestRecorder(RequestLog log, SandboxStats stats) {
        this.log = log;
        this.stats = stats;
    }

    /** For the CDI client proxy only. */
    protected RequestRecorder() {
        this.log = null;
        this.stats = null;
    }

    public void record(ContainerRequestContext request, BearerCheck bearer) {
        UriInfo uri = request.getUriInfo();
        log.record(new RecordedRequest(request.getMethod(), path(uri), query(uri), headers(request.getHeaders()),
                bearer));
        stats.apiRequest();
        if (bearer != BearerCheck.VALID) {
            stats.apiUnauthorized();
        }
        if (bearer == BearerCheck.EXPIRED) {
            stats.count(Counter.API_UNAUTHORIZED_EXPIRED);
        }
    }

    /**
     * Records a token request; {@code password}, {@code client_secret}, {@code refresh_token} and
     * {@code access_token} are masked, in the form and in the query. Not counted in the API counters (the token
     * endpoint has its own).
     */
    public void recordToken(String method, UriInfo uri, MultivaluedMap<String, String> requestHeaders,
            MultivaluedMap<String, String> form) {
        Map<String, String> fields = new TreeMap<>();
        form.forEach((name, values) -> fields.put(name, SECRET_FIELDS.contains(name)
                ? AuthorizationHeader.MASK
                : String.join(",", values)));
        log.record(new RecordedRequest(RecordedRequest.TOKEN, method, path(uri), query(uri), headers(requestHeaders),
                fields, null));
    }

    /** The raw query, with the values of secret parameters masked (a token may travel in the query: RFC 6750). */
    private static String query(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        if (query == null) {
            return null;
        }
        return Stream.of(query.split("&", -1)).map(parameter -> {
            int equals = parameter.indexOf('=');
            return equals >= 0 && SECRET_FIELDS.contains(decoded(parameter.substring(0, equals)))
                    ? parameter.substring(0, equals + 1) + AuthorizationHeader.MASK
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

    private static String path(UriInfo uri) {
        String base = uri.getBaseUri().getRawPath();
        String full = uri.getRequestUri().getRawPath();
        if (base != null && full != null && full.startsWith(base)) {
            return "/" + full.substring(base.length());
        }
        String relative = uri.getPath(false);
        return relative.startsWith("/") ? relative : "/" + relative;
    }

    private static Map<String, List<String>> headers(MultivaluedMap<String, String> requestHeaders) {
        Map<String, List<String>> headers = new TreeMap<>();
        requestHeaders.forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            List<String> recorded = headers.computeIfAbsent(key, k -> new ArrayList<>());
            for (String value : values) {
                recorded.add(CREDENTIAL_HEADERS.contains(key) ? AuthorizationHeader.mask(value) : value);
            }
        });
        headers.replaceAll((name, values) -> List.copyOf(values));
        return headers;
    }
}
