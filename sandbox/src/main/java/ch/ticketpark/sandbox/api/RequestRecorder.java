package ch.ticketpark.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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

    private static final String AUTHORIZATION = HttpHeaders.AUTHORIZATION.toLowerCase(Locale.ROOT);
    private static final Set<String> SECRET_FIELDS = Set.of("password", "client_secret", "refresh_token");

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
        log.record(new RecordedRequest(request.getMethod(), path(uri), uri.getRequestUri().getRawQuery(),
                headers(request.getHeaders()), bearer));
        stats.apiRequest();
        if (bearer != BearerCheck.VALID) {
            stats.apiUnauthorized();
        }
        if (bearer == BearerCheck.EXPIRED) {
            stats.count(Counter.API_UNAUTHORIZED_EXPIRED);
        }
    }

    /**
     * Records a token request; {@code password}, {@code client_secret} and {@code refresh_token} are masked. Not
     * counted in the API counters (the token endpoint has its own).
     */
    public void recordToken(String method, UriInfo uri, MultivaluedMap<String, String> requestHeaders,
            MultivaluedMap<String, String> form) {
        Map<String, String> fields = new TreeMap<>();
        form.forEach((name, values) -> fields.put(name, SECRET_FIELDS.contains(name)
                ? AuthorizationHeader.MASK
                : String.join(",", values)));
        log.record(new RecordedRequest(RecordedRequest.TOKEN, method, path(uri), uri.getRequestUri().getRawQuery(),
                headers(requestHeaders), fields, null));
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
                recorded.add(key.equals(AUTHORIZATION) ? AuthorizationHeader.mask(value) : value);
            }
        });
        headers.replaceAll((name, values) -> List.copyOf(values));
        return headers;
    }
}
