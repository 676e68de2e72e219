package ch.ticketpark.sandbox.api;

/**
 * Reads and masks Authorization header values.
 */
public final class AuthorizationHeader {

    static final String BEARER_PREFIX = "Bearer ";
    static final String MASK = "****";

    private AuthorizationHeader() {
    }

    /**
     * The token of a {@code Bearer} Authorization header (scheme case-insensitive).
     *
     * @return the token, or {@code null} when the value is absent, of another scheme or carries no token
     */
    public static String bearerToken(String authorization) {
        if (authorization == null
                || !authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
            return null;
        }
        String token = authorization.substring(BEARER_PREFIX.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /**
     * Keeps the scheme and hides the credentials: {@code Bearer abc} becomes {@code Bearer ****}. A value without a
     * scheme is hidden whole, since it may be a bare token.
     */
    public static String mask(String authorization) {
        String trimmed = authorization.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? MASK : trimmed.substring(0, space) + ' ' + MASK;
    }
}
