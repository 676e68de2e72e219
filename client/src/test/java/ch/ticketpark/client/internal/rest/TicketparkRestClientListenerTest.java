package ch.ticketpark.client.internal.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.client.ClientBuilder;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ch.ticketpark.client.api.EventsClient;
import ch.ticketpark.client.exception.TicketparkConfigurationException;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.support.ApplicationConfig;
import ch.ticketpark.client.support.Fixtures;
import ch.ticketpark.client.support.RotatingTokens;
import ch.ticketpark.client.support.SharedWireMock;
import ch.ticketpark.client.support.Stubs;
import ch.ticketpark.client.support.TicketparkClients;

class TicketparkRestClientListenerTest {

    @RegisterExtension
    static SharedWireMock api = Fixtures.wireMock();

    @RegisterExtension
    static SharedWireMock elsewhere = Fixtures.otherOrigin();

    @RegisterExtension
    final TicketparkClients clients = new TicketparkClients();

    @Test
    void listenerSwitchesRedirectsOffAndRegistersTheFilter() {
        List<String> calls = new ArrayList<>();
        new TicketparkRestClientListener(key -> Optional.empty()).onNewClient(EventsClient.class, builder(calls));

        assertThat(calls).containsExactly("followRedirects(false)", "register(BearerTokenFilter)",
                "register(QueryHeaderFilter)", "register(TicketparkResponseFilter)",
                "register(TicketparkResponseExceptionMapper)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ticketpark/mp-rest/followRedirects",
            "ch.ticketpark.client.api.EventsClient/mp-rest/followRedirects"})
    void listenerRefusesAClientConfiguredToFollowRedirects(String key) {
        List<String> calls = new ArrayList<>();
        var listener = new TicketparkRestClientListener(k -> k.equals(key) ? Optional.of(" TRUE") : Optional.empty());

        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> listener.onNewClient(EventsClient.class, builder(calls)));

        assertThat(e.keys()).containsExactly(key);
        assertThat(e.getMessage()).startsWith("TPC0110");
        assertThat(calls).isEmpty();
    }

    @Test
    void theListenerTheServiceLoaderCreatesReadsTheApplicationsConfiguration() {
        List<String> calls = new ArrayList<>();
        var listener = new TicketparkRestClientListener();

        try (ApplicationConfig application = ApplicationConfig.of(Map.of(TicketparkConfig.FOLLOW_REDIRECTS, "true"))) {
            assertThat(catchThrowableOfType(TicketparkConfigurationException.class,
                    () -> listener.onNewClient(EventsClient.class, builder(calls))).keys())
                    .containsExactly(TicketparkConfig.FOLLOW_REDIRECTS);
        }
        assertThat(calls).isEmpty();
    }

    @Test
    void listenerLeavesOtherClientsAlone() {
        List<String> calls = new ArrayList<>();
        new TicketparkRestClientListener(k -> Optional.of("true")).onNewClient(Runnable.class, builder(calls));

        assertThat(calls).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void apiRedirectIsNotFollowedSoTheTokenNeverReachesTheOtherHost(int status) {
        api.stubFor(get(urlEqualTo("/events/e1")).willReturn(aResponse().withStatus(status)
                .withHeader("Location", elsewhere.baseUrl() + "/steal")));
        elsewhere.stubFor(get(anyUrl()).willReturn(okJson("{\"pid\":\"e1\"}")));
        // a Ticketpark REST client as the library builds it, not a JAX-RS default
        EventsClient events = clients.build(EventsClient.class, api.baseUrl(), new RotatingTokens());

        Throwable e = catchThrowable(() -> events.httpGet("e1", null));

        // the 3xx reaches the caller, the other host gets nothing
        assertThat(e).isInstanceOfSatisfying(RedirectionException.class,
                redirect -> assertThat(redirect.getResponse().getStatus()).isEqualTo(status));
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    /** A builder that records the calls the listener makes. */
    private static RestClientBuilder builder(List<String> calls) {
        RestClientBuilder[] self = new RestClientBuilder[1];
        self[0] = Stubs.of(RestClientBuilder.class, Map.of(
                "followRedirects", args -> {
                    calls.add("followRedirects(" + args[0] + ")");
                    return self[0];
                },
                "register", args -> {
                    calls.add("register(" + args[0].getClass().getSimpleName() + ")");
                    return self[0];
                },
                "getConfiguration", args -> ClientBuilder.newBuilder().getConfiguration()));
        return self[0];
    }
}
