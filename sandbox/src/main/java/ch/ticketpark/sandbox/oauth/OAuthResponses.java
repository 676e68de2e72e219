package ch.ticketpark.sandbox.oauth;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Builds the HTTP answers of the OAuth2 layer, with the JSON bodies and headers FOS sends: every answer is
 * {@code application/json} with {@code Cache-Control: no-store} and {@code Pragma: no-cache}; 401 answers also carry
 * a {@code WWW-Authenticate} challenge.
 */
public final class OAuthResponses {

    /** The realm FOSOAuthServerBundle names in its challenges. */
    public static final String REALM = "Service";

    private OAuthResponses() {
    }

    /** 200 with {@code access_token, expires_in, token_type, scope (null), refresh_token}. */
    public static Response tokens(IssuedTokens tokens) {
        return tokens(tokenBody(tokens));
    }

    /** 200 with this body (a token body the control plane may have altered). */
    public static Response tokens(JsonObject body) {
        return json(Response.Status.OK, body).build();
    }

    /** {@code access_token, expires_in, token_type, scope (null), refresh_token}. */
    public static JsonObject tokenBody(IssuedTokens tokens) {
        return Json.createObjectBuilder()
                .add("access_token", tokens.accessToken())
                .add("expires_in", tokens.expiresIn().toSeconds())
                .add("token_type", IssuedTokens.TOKEN_TYPE)
                .addNull("scope")
                .add("refresh_token", tokens.refreshToken())
                .build();
    }

    /** 400 with {@code error, error_description}: how the token endpoint refuses every request. */
    public static Response badRequest(OAuthError error) {
        return json(Response.Status.BAD_REQUEST, body(error)).build();
    }

    /** 401 with {@code error, error_description} and a Bearer challenge: how the API refuses a request. */
    public static Response unauthorized(OAuthError error) {
        return json(Response.Status.UNAUTHORIZED, body(error))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge(error))
                .build();
    }

    static String challenge(OAuthError error) {
        String challenge = "Bearer realm=" + quote(REALM) + ", error=" + quote(error.error());
        return error.description() == null
                ? challenge
                : challenge + ", error_description=" + quote(error.description());
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** {@code error_description} is always there, {@code null} if the error has none (PHP's json_encode of it). */
    static JsonObject body(OAuthError error) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("error", error.error());
        return (error.description() == null
                ? body.addNull("error_description")
                : body.add("error_description", error.description())).build();
    }

    private static Response.ResponseBuilder json(Response.Status status, JsonObject body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .entity(body);
    }
}
