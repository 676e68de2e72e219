package ch.ticketpark.sandbox.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import ch.ticketpark.sandbox.oauth.BearerCheck;
import ch.ticketpark.sandbox.oauth.OAuthError;
import ch.ticketpark.sandbox.oauth.OAuthResponses;
import ch.ticketpark.sandbox.oauth.TokenAuthority;

/**
 * Checks the Bearer token of every {@link BearerProtected} request, records the request, and answers 401 (FOS
 * wording, {@code WWW-Authenticate} challenge) unless the token is valid.
 */
@ApplicationScoped
@Provider
@BearerProtected
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    private final TokenAuthority authority;
    private final RequestRecorder recorder;

    @Inject
    public BearerTokenFilter(TokenAuthority authority, RequestRecorder recorder) {
        this.authority = authority;
        this.recorder = recorder;
    }

    /**
     * For the CDI client proxy, and public because RESTEasy looks for a public constructor of a provider before it
     * asks CDI for the bean.
     */
    public BearerTokenFilter() {
        this.authority = null;
        this.recorder = null;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String token = AuthorizationHeader.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        BearerCheck check = authority.checkAccessToken(token);
        recorder.record(request, check);
        if (check != BearerCheck.VALID) {
            request.abortWith(OAuthResponses.unauthorized(refusal(check)));
        }
    }

    private static OAuthError refusal(BearerCheck check) {
        return switch (check) {
            case MISSING -> OAuthError.AUTHENTICATION_REQUIRED;
            case INVALID -> OAuthError.ACCESS_TOKEN_INVALID;
            case EXPIRED -> OAuthError.ACCESS_TOKEN_EXPIRED;
            case VALID -> throw new IllegalArgumentException("a valid token is not refused");
        };
    }
}
