package ch.ticketpark.sandbox.oauth;

import java.util.Objects;

/**
 * An OAuth2 error code with its description. The constants hold every message the sandbox answers with, worded as
 * oauth2-php / FOSOAuthServerBundle word them.
 *
 * @param error the error code
 * @param description the {@code error_description}, or {@code null} where oauth2-php sends none (JSON {@code null})
 */
public record OAuthError(String error, String description) {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_CLIENT = "invalid_client";
    public static final String INVALID_GRANT = "invalid_grant";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
    public static final String ACCESS_DENIED = "access_denied";

    // token endpoint, in the order the checks run (GRANT_TYPE_MISSING also answers a grant_type that passed oauth2-php's
    // pattern but has no grant of its own, after client authentication)
    public static final OAuthError GRANT_TYPE_MISSING = new OAuthError(INVALID_REQUEST,
            "Invalid grant_type parameter or parameter missing");
    public static final OAuthError CLIENT_ID_NOT_FOUND = new OAuthError(INVALID_CLIENT,
            "Client id was not found in the headers or body");
    public static final OAuthError CLIENT_CREDENTIALS_INVALID = new OAuthError(INVALID_CLIENT,
            "The client credentials are invalid");
    /** oauth2-php throws it without a description. */
    public static final OAuthError GRANT_TYPE_UNSUPPORTED = new OAuthError(UNSUPPORTED_GRANT_TYPE, null);
    public static final OAuthError USER_CREDENTIALS_MISSING = new OAuthError(INVALID_REQUEST,
            "Missing parameters. \"username\" and \"password\" required");
    public static final OAuthError USER_CREDENTIALS_INVALID = new OAuthError(INVALID_GRANT,
            "Invalid username and password combination");
    public static final OAuthError REFRESH_TOKEN_MISSING = new OAuthError(INVALID_REQUEST,
            "No \"refresh_token\" parameter found");
    public static final OAuthError REFRESH_TOKEN_INVALID = new OAuthError(INVALID_GRANT, "Invalid refresh token");
    public static final OAuthError REFRESH_TOKEN_EXPIRED = new OAuthError(INVALID_GRANT, "Refresh token has expired");

    // resource API (HTTP 401)
    public static final OAuthError AUTHENTICATION_REQUIRED = new OAuthError(ACCESS_DENIED,
            "OAuth2 authentication required");
    public static final OAuthError ACCESS_TOKEN_INVALID = new OAuthError(INVALID_GRANT,
            "The access token provided is invalid.");
    public static final OAuthError ACCESS_TOKEN_EXPIRED = new OAuthError(INVALID_GRANT,
            "The access token provided has expired.");

    public OAuthError {
        Objects.requireNonNull(error, "error");
    }
}
