package ch.ticketpark.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import ch.ticketpark.sandbox.SandboxStats;
import ch.ticketpark.sandbox.oauth.BearerCheck;

/**
 * Records an API request in the {@link RequestLog} and counts it in the {@link SandboxStats}.
 */
@ApplicationScoped
public class RequestRecorder {

    private static final String AUTHORIZATION = HttpHeaders.AUTHORIZATION.toLowerCase(Locale.ROOT);

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
                headers(request), bearer));
        stats.apiRequest();
        if (bearer != BearerCheck.VALID) {
            stats.apiUnauthorized();
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

    private static Map<String, List<String>> headers(ContainerRequestContext request) {
        Map<String, List<String>> headers = new TreeMap<>();
        request.getHeaders().forEach((name, values) -> {
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
