package ch.ticketpark.sandbox.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The token endpoint {@code POST /oauth/v2/token}: translates the form and the Authorization header into a
 * {@link TokenRequest} and the outcome of {@link TokenAuthority} into HTTP. Not Bearer protected.
 */
@ApplicationScoped
@Path("oauth/v2/token")
public class TokenResource {

    private final TokenAuthority authority;

    @Inject
    public TokenResource(TokenAuthority authority) {
        this.authority = authority;
    }

    /** For the CDI client proxy only. */
    protected TokenResource() {
        this.authority = null;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            MultivaluedMap<String, String> form) {
        TokenRequest request = new TokenRequest(form.getFirst("grant_type"), authorization,
                form.getFirst("client_id"), form.getFirst("client_secret"), form.getFirst("username"),
                form.getFirst("password"), form.getFirst("refresh_token"));
        try {
            return OAuthResponses.tokens(authority.grant(request));
        } catch (OAuthException e) {
            return OAuthResponses.badRequest(e.error());
        }
    }
}
