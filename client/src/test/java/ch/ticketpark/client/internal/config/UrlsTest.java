package ch.ticketpark.client.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlsTest {

    @Test
    void theDefaultPortIsTheSameOriginAndAnotherPortOrHostIsNot() {
        assertThat(Urls.sameOrigin(URI.create("https://api.ticketpark.ch/events/"),
                URI.create("https://API.ticketpark.ch:443"))).isTrue();
        assertThat(Urls.sameOrigin(URI.create("https://api.ticketpark.ch:8443/events/"),
                URI.create("https://api.ticketpark.ch"))).isFalse();
        assertThat(Urls.sameOrigin(URI.create("https://api.ticketpark.ch.evil.example/"),
                URI.create("https://api.ticketpark.ch"))).isFalse();
    }

    @Test
    void theSchemeIsPartOfTheOrigin() {
        assertThat(Urls.sameOrigin(URI.create("http://localhost:443/"), URI.create("https://localhost"))).isFalse();
        assertThat(Urls.sameOrigin(URI.create("HTTPS://localhost/"), URI.create("https://localhost"))).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://user:secret@api.ticketpark.ch/events/?filters%5Bemail%5D=jane@example.com "
                    + "| https://api.ticketpark.ch:443",
            "HTTP://localhost/sandbox#top    | http://localhost:80",
            "https://api.ticketpark.ch:8443  | https://api.ticketpark.ch:8443",
            "/events/                        | a URL without a valid host"})
    void theOriginIsSchemeHostAndPortOnly(String url, String origin) {
        assertThat(Urls.origin(URI.create(url))).isEqualTo(origin);
    }

    @Test
    void withoutAPortTheSchemesDefaultIsTaken() {
        assertThat(Urls.port(URI.create("https://api.ticketpark.ch"))).isEqualTo(443);
        assertThat(Urls.port(URI.create("http://api.ticketpark.ch"))).isEqualTo(80);
        assertThat(Urls.port(URI.create("http://api.ticketpark.ch:8080"))).isEqualTo(8080);
        assertThat(Urls.port(URI.create("https://api.ticketpark.ch:0"))).isZero();
        assertThat(Urls.port(URI.create("ftp://api.ticketpark.ch"))).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.ticketpark.ch/", "http://localhost:9080", "http://127.0.0.1",
            "http://[::1]:8080/", "http://sandbox.localhost"})
    void httpsAndPlainHttpToALoopbackHostMayReceiveCredentials(String url) {
        assertThat(Urls.whyNotAllowed(URI.create(url))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://api.ticketpark.ch/             | uses plain http to api.ticketpark.ch, which is refused",
            "https://user:pw@api.ticketpark.ch/    | must not contain user information",
            "ftp://localhost/                      | must be an absolute http(s) URL",
            "/events/                              | must be an absolute http(s) URL"})
    void anyOtherUrlIsRefusedWithTheReason(String url, String reason) {
        assertThat(Urls.whyNotAllowed(URI.create(url))).get().asString().startsWith(reason).doesNotContain("pw");
    }

    @ParameterizedTest
    @CsvSource({"localhost, true", "LOCALHOST, true", "app.localhost, true", "127.0.0.1, true", "127.9.8.7, true",
            "[::1], true", "localhost.evil.example, false", "127.0.0.1.nip.io, false", "10.0.0.1, false",
            "::2, false", "'[::1::2]', false"})
    void loopbackIsDecidedOnTheNameAloneWithoutALookup(String host, boolean loopback) {
        assertThat(Urls.isLoopback(host)).isEqualTo(loopback);
    }

    /**
     * A name is never trusted for what it resolves to now: the decision is made once, at deployment, and the name
     * may resolve to another host when the credentials are sent. Needs a name that resolves to loopback: this
     * machine's own name often does (Debian's {@code 127.0.1.1}, many containers).
     */
    @Test
    void aNameThatResolvesToLoopbackIsNotLoopback() {
        Optional<String> name = ownNameResolvingToLoopback();
        assumeTrue(name.isPresent(), "this machine's name does not resolve to a loopback address");

        assertThat(Urls.isLoopback(name.get())).isFalse();
    }

    /** This machine's name if it resolves to loopback and is neither {@code localhost} nor an address literal. */
    private static Optional<String> ownNameResolvingToLoopback() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            String lower = name.toLowerCase(Locale.ROOT);
            boolean literal = name.contains(":") || name.chars().allMatch(c -> c == '.' || Character.isDigit(c));
            boolean localhost = lower.equals("localhost") || lower.endsWith(".localhost");
            return !literal && !localhost && InetAddress.getByName(name).isLoopbackAddress()
                    ? Optional.of(name)
                    : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
