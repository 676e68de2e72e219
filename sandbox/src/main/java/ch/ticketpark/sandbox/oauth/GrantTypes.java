package ch.ticketpark.sandbox.oauth;

import java.util.regex.Pattern;

/**
 * How oauth2-php (the library behind FOSOAuthServerBundle) reads {@code grant_type}: first against its pattern, before
 * any other check; then, after client authentication, a value it has no {@code case} for is an extension grant only
 * if it is a URN or a valid URL.
 */
final class GrantTypes {

    static final String AUTHORIZATION_CODE = "authorization_code";
    static final String CLIENT_CREDENTIALS = "client_credentials";

    /**
     * oauth2-php's {@code GRANT_TYPE_REGEXP}, with PCRE's default semantics: case-sensitive, {@code $} also matches
     * before a final line feed, {@code .} matches anything but a line feed ({@link Pattern#UNIX_LINES}).
     */
    private static final Pattern WELL_FORMED = Pattern.compile(
            "^(authorization_code|token|password|client_credentials|refresh_token|https?://.+|urn:.+)$",
            Pattern.UNIX_LINES);

    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

    /**
     * An http(s) URL as PHP's {@code FILTER_VALIDATE_URL} accepts it, approximately: printable ASCII only, and a
     * host that is a valid host name or a bracketed IPv6 address.
     */
    private static final Pattern VALID_URL = Pattern.compile("https?://(?:[^/?#@]*@)?(?:" + LABEL + "(?:\\." + LABEL
            + ")*\\.?|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]*)?(?:[/?#].*)?");

    private GrantTypes() {
    }

    /**
     * Whether oauth2-php lets this {@code grant_type} through its first check; if not, the request is refused with
     * {@code invalid_request} before the client is looked at.
     */
    static boolean wellFormed(String grantType) {
        return grantType != null && WELL_FORMED.matcher(grantType).find();
    }

    /**
     * Whether a well-formed {@code grant_type} without a {@code case} of its own is handed to the extension grant (a
     * URN or a valid URL): oauth2-php answers the others ({@code token}, a malformed URL, a value with a trailing line
     * feed) with {@code invalid_request} after client authentication.
     */
    static boolean extension(String grantType) {
        return grantType.startsWith("urn:") || (grantType.chars().allMatch(c -> c > 0x20 && c < 0x7f)
                && VALID_URL.matcher(grantType).matches());
    }
}
