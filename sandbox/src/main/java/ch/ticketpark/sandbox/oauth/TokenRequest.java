package ch.ticketpark.sandbox.oauth;

/**
 * The parameters of a token request as received, before any check. Empty strings count as absent, as they do for
 * oauth2-php.
 *
 * @param grantType {@code grant_type}
 * @param authorization the Authorization header
 * @param clientId {@code client_id}
 * @param clientSecret {@code client_secret}
 * @param username {@code username} (password grant)
 * @param password {@code password} (password grant)
 * @param refreshToken {@code refresh_token} (refresh grant)
 */
public record TokenRequest(String grantType, String authorization, String clientId, String clientSecret,
        String username, String password, String refreshToken) {

    public static final String PASSWORD_GRANT = "password";
    public static final String REFRESH_TOKEN_GRANT = "refresh_token";

    public TokenRequest {
        grantType = absentIfEmpty(grantType);
        authorization = absentIfEmpty(authorization);
        clientId = absentIfEmpty(clientId);
        clientSecret = absentIfEmpty(clientSecret);
        username = absentIfEmpty(username);
        password = absentIfEmpty(password);
        refreshToken = absentIfEmpty(refreshToken);
    }

    private static String absentIfEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
