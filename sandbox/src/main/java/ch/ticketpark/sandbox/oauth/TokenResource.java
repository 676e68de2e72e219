package ch.ticketpark.sandbox.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import ch.ticketpark.sandbox.Counter;
import ch.ticketpark.sandbox.SandboxStats;
import ch.ticketpark.sandbox.api.RequestRecorder;
import ch.ticketpark.sandbox.fault.FaultFilter;
import ch.ticketpark.sandbox.fault.FaultType;

/**
 * The token endpoint {@code POST /oauth/v2/token}: translates the form and the Authorization header into a
 * {@link TokenRequest} and the outcome of {@link TokenAuthority} into HTTP, records the request (secrets masked),
 * and applies an injected answer fault (missing fields, {@code expires_in} 0). Not Bearer protected.
 */
@ApplicationScoped
@Path("oauth/v2/token")
public class TokenResource {

    private final TokenAuthority authority;
    private final RequestRecorder recorder;
    private final SandboxStats stats;

    @Inject
    public TokenResource(TokenAuthority authority, RequestRecorder recorder, SandboxStats stats) {
        this.authority = authority;
        this.recorder = recorder;
        this.stats = stats;
    }

    /** For the CDI client proxy only. */
    protected TokenResource() {
        this(null, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@Context HttpHeaders headers, @Context UriInfo uriInfo,
            @Context HttpServletRequest servletRequest, MultivaluedMap<String, String> form) {
        stats.count(Counter.TOKEN_REQUESTS);
        recorder.recordToken("POST", uriInfo, headers.getRequestHeaders(), form);
        FaultType fault = (FaultType) servletRequest.getAttribute(FaultFilter.TOKEN_ANSWER_FAULT);
        TokenRequest request = new TokenRequest(form.getFirst("grant_type"),
                headers.getHeaderString(HttpHeaders.AUTHORIZATION), form.getFirst("client_id"),
                form.getFirst("client_secret"), form.getFirst("username"), form.getFirst("password"),
                form.getFirst("refresh_token"));
        try {
            IssuedTokens tokens = authority.grant(request, fault != FaultType.MISSING_REFRESH_TOKEN);
            return OAuthResponses.tokens(fault == null
                    ? OAuthResponses.tokenBody(tokens)
                    : faulty(OAuthResponses.tokenBody(tokens), fault));
        } catch (OAuthException e) {
            return OAuthResponses.badRequest(e.error());
        }
    }

    private static JsonObject faulty(JsonObject body, FaultType fault) {
        JsonObjectBuilder changed = Json.createObjectBuilder(body);
        return switch (fault) {
            case MISSING_ACCESS_TOKEN -> changed.remove("access_token").build();
            case MISSING_REFRESH_TOKEN -> changed.remove("refresh_token").build();
            case MISSING_EXPIRES_IN -> changed.remove("expires_in").build();
            case ZERO_EXPIRES_IN -> changed.add("expires_in", 0).build();
            default -> body;
        };
    }
}
