package ch.ticketpark.client.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

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
            "::2, false"})
    void loopbackIsDecidedOnTheNameAloneWithoutALookup(String host, boolean loopback) {
        assertThat(Urls.isLoopback(host)).isEqualTo(loopback);
    }
}
