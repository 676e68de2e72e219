package ch.ticketpark.client.internal.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import ch.ticketpark.client.TicketparkTokens;

class BearerTokenFilterTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FixedTokens tokens = new FixedTokens();
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
                .withHeader("Authorization", equalTo("Bearer access-1"))
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
        assertThat(tokens.obtained.get()).isZero();
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
        assertThat(tokens.obtained.get()).isZero();
    }

    private static final class FixedTokens implements TicketparkTokens {

        final java.util.concurrent.atomic.AtomicInteger obtained = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String accessToken() {
            obtained.incrementAndGet();
            return "access-1";
        }

        @Override
        public void invalidate() {
        }

        @Override
        public void invalidate(String accessToken) {
        }
    }
}
