package ch.ticketpark.client.internal.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.WireMock;

import ch.ticketpark.client.exception.TicketparkException;
import ch.ticketpark.client.support.Fixtures;
import ch.ticketpark.client.support.RotatingTokens;
import ch.ticketpark.client.support.SharedWireMock;

class BearerTokenFilterTest {

    @RegisterExtension
    static SharedWireMock server = Fixtures.wireMock();

    @RegisterExtension
    static SharedWireMock elsewhere = Fixtures.otherOrigin();

    private final RotatingTokens tokens = new RotatingTokens();
    private final Client client = ClientBuilder.newClient()
            .register(new BearerTokenFilter(() -> tokens, () -> java.net.URI.create(server.baseUrl())));

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void addsBearerAndJsonHeaders() {
        server.stubFor(WireMock.get(urlEqualTo("/events/")).willReturn(okJson("[]")));

        client.target(server.baseUrl() + "/events/").request().get(String.class);

        server.verify(1, getRequestedFor(urlEqualTo("/events/"))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void keepsAcceptAndContentTypeTheRequestAlreadyHas() {
        server.stubFor(WireMock.get(urlEqualTo("/events/")).willReturn(okJson("[]")));

        client.target(server.baseUrl() + "/events/").request("application/hal+json")
                .header("Content-Type", "text/plain").get(String.class);

        server.verify(1, getRequestedFor(urlEqualTo("/events/"))
                .withHeader("Accept", equalTo("application/hal+json"))
                .withHeader("Content-Type", equalTo("text/plain")));
    }

    @Test
    void refusesPlainHttpToARemoteHostBeforeSendingAnything() {
        assertThatThrownBy(() -> client.target("http://api.ticketpark.ch/events/").request().get(String.class))
                .isInstanceOf(ProcessingException.class)
                .rootCause()
                .hasMessageContaining("TPC0011")
                .hasMessageContaining("plain http");
        // refused before a token was even obtained: there was nothing to send
        assertThat(tokens.requested()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d/events/", "http://localhost:%d/events/",
            "https://localhost:%d/events/"})
    void refusesEveryOriginButTheConfiguredOne(String pattern) {
        String target = pattern.formatted(elsewhere.getPort());

        Throwable e = catchThrowable(() -> client.target(target).request().get(String.class));

        assertThat(e).isInstanceOf(ProcessingException.class).rootCause().isInstanceOf(TicketparkException.class)
                .hasMessageStartingWith("TPC0109").hasMessageContaining("ticketpark/mp-rest/url");
        assertThat(tokens.requested()).isZero();
        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://user:secret@example.com/events?filters[email]=jane@example.com | http://example.com:80",
            "http://example.com/events/?filters%5Bemail%5D=jane%40example.com&page=2 | http://example.com:80",
            "https://user:secret@api.ticketpark.ch:8443/events/?filters[email]=jane@example.com "
                    + "| https://api.ticketpark.ch:8443"})
    void refusalNamesTheOriginOnlyNeitherUserInfoNorPathNorQuery(String target, String origin) {
        assertThatThrownBy(() -> client.target(target).request().get(String.class))
                .isInstanceOf(ProcessingException.class)
                .rootCause()
                .hasMessageStartingWith("TPC0011")
                .hasMessageContaining(origin)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret", "user:", "jane", "email", "events",
                        "filters", "page=", "?"));
        assertThat(tokens.requested()).isZero();
    }

    @Test
    void theHeaderValueIsBuiltOncePerTokenAndANewTokenGetsItsOwn() {
        BearerTokenFilter filter = new BearerTokenFilter(() -> tokens, () -> URI.create("https://api.example"));
        ClientRequestContext first = request("https://api.example/events/");
        ClientRequestContext second = request("https://api.example/venues/");

        filter.filter(first);
        filter.filter(second);
        tokens.invalidate("token-1");
        ClientRequestContext third = request("https://api.example/events/");
        filter.filter(third);

        assertThat(header(first)).isEqualTo("Bearer token-1").isSameAs(header(second));
        assertThat(header(third)).isEqualTo("Bearer token-2");
    }

    @Test
    void afterAnAllowedRequestEveryOtherOriginAndAnyUserInformationIsStillRefused() {
        BearerTokenFilter filter = new BearerTokenFilter(() -> tokens, () -> URI.create("https://api.example"));
        filter.filter(request("https://api.example/events/"));

        assertThatThrownBy(() -> filter.filter(request("https://elsewhere.example/events/")))
                .hasMessageStartingWith("TPC0109");
        assertThatThrownBy(() -> filter.filter(request("http://api.example/events/")))
                .hasMessageStartingWith("TPC0011");
        assertThatThrownBy(() -> filter.filter(request("https://user:secret@api.example/events/")))
                .hasMessageStartingWith("TPC0011").message().doesNotContain("secret");
        assertThatThrownBy(() -> filter.filter(request("https://api.example:8443/events/")))
                .hasMessageStartingWith("TPC0109");
        // the same origin written another way is checked in full, and allowed
        filter.filter(request("HTTPS://API.example:443/events/"));
        assertThatThrownBy(() -> filter.filter(request("mailto:someone@api.example")))
                .hasMessageStartingWith("TPC0011");
        assertThat(tokens.requested()).isEqualTo(2);
    }

    @Test
    void anotherApiUrlIsCheckedAgain() {
        java.util.concurrent.atomic.AtomicReference<URI> api = new java.util.concurrent.atomic.AtomicReference<>(
                URI.create("https://api.example"));
        BearerTokenFilter filter = new BearerTokenFilter(() -> tokens, api::get);
        filter.filter(request("https://api.example/events/"));

        api.set(URI.create("https://other.example"));

        assertThatThrownBy(() -> filter.filter(request("https://api.example/events/")))
                .hasMessageStartingWith("TPC0109");
    }

    @Test
    void anInsecureTargetIsRefusedAsInsecureEvenWhenTheApiUrlCannotBeRead() {
        BearerTokenFilter filter = new BearerTokenFilter(() -> tokens, () -> {
            throw new IllegalStateException("configuration not readable yet");
        });

        assertThatThrownBy(() -> filter.filter(request("http://evil.example/x"))).hasMessageStartingWith("TPC0011");
        assertThat(tokens.requested()).isZero();
    }

    @Test
    void throughTheRealClientTheRememberedOriginServesTheSameHeaderAndStillRefusesAnother() {
        server.stubFor(WireMock.get(urlEqualTo("/events/")).willReturn(okJson("[]")));
        URI api = URI.create(server.baseUrl()); // one instance, as the library's lazy lookup gives it
        Client stable = ClientBuilder.newClient().register(new BearerTokenFilter(() -> tokens, () -> api));
        try {
            stable.target(server.baseUrl() + "/events/").request().get(String.class);
            stable.target(server.baseUrl() + "/events/").request().get(String.class);
            Throwable foreign = catchThrowable(() -> stable.target("http://127.0.0.1:" + elsewhere.getPort()
                    + "/events/").request().get(String.class));

            server.verify(2, getRequestedFor(urlEqualTo("/events/"))
                    .withHeader("Authorization", equalTo("Bearer token-1")));
            assertThat(foreign).rootCause().hasMessageStartingWith("TPC0109");
            assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        } finally {
            stable.close();
        }
    }

    private static ClientRequestContext request(String uri) {
        jakarta.ws.rs.core.MultivaluedMap<String, Object> headers = new jakarta.ws.rs.core.MultivaluedHashMap<>();
        return (ClientRequestContext) java.lang.reflect.Proxy.newProxyInstance(
                BearerTokenFilterTest.class.getClassLoader(), new Class<?>[]{ClientRequestContext.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getUri" -> URI.create(uri);
                    case "getHeaders" -> headers;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String header(ClientRequestContext request) {
        return (String) request.getHeaders().getFirst("Authorization");
    }
}
