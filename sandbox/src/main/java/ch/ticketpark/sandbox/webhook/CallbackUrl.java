package ch.ticketpark.sandbox.webhook;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The callback URL webhooks are POSTed to. Its last path segment is the receiver's secret: it is never shown, only
 * {@link #masked(URI)}, and never put into a message (an error names what is wrong, not the URL).
 */
public final class CallbackUrl {

    /** What stands for the secret in a masked URL. */
    public static final String MASK = "****";

    private CallbackUrl() {
    }

    /**
     * @throws IllegalArgumentException if the text is no absolute {@code http(s)} URL with a host
     */
    public static URI parse(String text) {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below, without the text
        }
        throw new IllegalArgumentException("url must be an absolute http(s) URL");
    }

    /**
     * The URL with its last path segment (a trailing slash aside) as {@value #MASK}, without user information,
     * fragment and query (a query shows as {@code ?****}).
     */
    public static String masked(URI url) {
        return origin(url) + withLastSegment(url.getRawPath(), MASK) + (url.getRawQuery() == null ? "" : "?" + MASK);
    }

    /** The URL with another last path segment (a trailing slash aside); the rest as it is. */
    static URI withSecret(URI url, String secret) {
        String userInfo = url.getRawUserInfo() == null ? "" : url.getRawUserInfo() + "@";
        return URI.create(url.getScheme() + "://" + userInfo + url.getRawAuthority().substring(userInfo.length())
                + withLastSegment(url.getRawPath(), secret) + (url.getRawQuery() == null
                        ? ""
                        : "?"
                                + url.getRawQuery()));
    }

    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    private static String withLastSegment(String path, String segment) {
        String raw = path == null ? "" : path;
        int end = raw.length();
        while (end > 0 && raw.charAt(end - 1) == '/') {
            end--;
        }
        if (end == 0) {
            return "/" + segment;
        }
        int start = raw.lastIndexOf('/', end - 1) + 1;
        return raw.substring(0, start) + segment + raw.substring(end);
    }
}
