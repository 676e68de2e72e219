package ch.ticketpark.client.internal.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The transport rule for every URL that receives credentials: HTTPS, or plain HTTP to a loopback host only.
 */
public final class Urls {

    private Urls() {
    }

    /**
     * @return why the URL must not receive credentials, or empty if it may
     */
    public static Optional<String> whyNotAllowed(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute http(s) URL");
        }
        if (url.getUserInfo() != null) {
            return Optional.of("must not contain user information; configure credentials with their own keys");
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            return Optional.of("uses plain http to " + url.getHost()
                    + ", which is refused: use https (plain http is allowed for loopback hosts only)");
        }
        return Optional.empty();
    }

    /**
     * The only part of a URL that messages name: never its user information, path or query, which may hold
     * credentials or personal data (filter values such as e-mail addresses).
     *
     * @return {@code scheme://host:port}, with the scheme's default port where the URL has none
     */
    public static String origin(URI url) {
        if (url.getScheme() == null || url.getHost() == null) {
            return "a URL without a valid host";
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        return scheme + "://" + url.getHost() + ":" + port(url);
    }

    /**
     * @return the URL's port, or the default port of http and https; -1 for another scheme without a port
     */
    public static int port(URI url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return switch (url.getScheme().toLowerCase(Locale.ROOT)) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
    }

    /**
     * Decides on the literal host name only, without a DNS lookup: {@code localhost} or a loopback address literal.
     */
    static boolean isLoopback(String host) {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (name.equalsIgnoreCase("localhost") || name.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
            return true;
        }
        if (!isAddressLiteral(name)) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isAddressLiteral(String name) {
        return name.contains(":") || name.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    /** @return whether both URLs have the same scheme, host (ignoring case) and effective port */
    public static boolean sameOrigin(URI a, URI b) {
        return scheme(a).equals(scheme(b)) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static String scheme(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT);
    }
}
