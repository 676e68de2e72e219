package ch.ticketpark.sandbox.oauth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The client key and secret a token request authenticates with.
 */
public record ClientCredentials(String key, String secret) {

    static final String BASIC_PREFIX = "Basic ";

    public ClientCredentials {
        Objects.requireNonNull(key, "key");
    }

    /**
     * Finds the client credentials of a token request. A {@code Basic} Authorization header takes precedence over the
     * {@code client_id}/{@code client_secret} form fields; other Authorization schemes are ignored.
     *
     * @param authorization the Authorization header, or {@code null}
     * @param clientId the {@code client_id} form field, or {@code null}
     * @param clientSecret the {@code client_secret} form field, or {@code null}
     * @return the credentials, or empty when the request carries none
     * @throws OAuthException {@code invalid_client} when the Basic header cannot be decoded
     */
    public static Optional<ClientCredentials> resolve(String authorization, String clientId, String clientSecret) {
        if (authorization != null && authorization.regionMatches(true, 0, BASIC_PREFIX, 0, BASIC_PREFIX.length())) {
            return Optional.of(decodeBasic(authorization.substring(BASIC_PREFIX.length()).trim()));
        }
        if (clientId == null || clientId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClientCredentials(clientId, clientSecret));
    }

    private static ClientCredentials decodeBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(OAuthError.CLIENT_CREDENTIALS_INVALID);
        }
        // RFC 7617: the user-id cannot contain a colon, the password can
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new OAuthException(OAuthError.CLIENT_CREDENTIALS_INVALID);
        }
        return new ClientCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
