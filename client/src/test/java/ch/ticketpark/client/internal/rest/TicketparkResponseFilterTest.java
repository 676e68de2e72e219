package ch.ticketpark.client.internal.rest;

import static ch.ticketpark.client.support.Fixtures.apiAnswer;
import static ch.ticketpark.client.support.Fixtures.authorizations;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;

import jakarta.ws.rs.client.ClientResponseContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.WireMock;

import ch.ticketpark.client.api.EventsClient;
import ch.ticketpark.client.exception.TokenRejectedException;
import ch.ticketpark.client.support.Fixtures;
import ch.ticketpark.client.support.RotatingTokens;
import ch.ticketpark.client.support.SharedWireMock;
import ch.ticketpark.client.support.Stubs;
import ch.ticketpark.client.support.TicketparkClients;

class TicketparkResponseFilterTest {

    private static final URI EVENT = URI.create("https://api.ticketpark.ch/events/e1?properties%5Bshows%5D=1");

    @RegisterExtension
    static SharedWireMock api = Fixtures.wireMock();

    @RegisterExtension
    final TicketparkClients clients = new TicketparkClients();

    private final RotatingTokens tokens = new RotatingTokens();
    private final TicketparkResponseFilter filter = new TicketparkResponseFilter(() -> tokens);
    private final EventsClient events = clients.build(EventsClient.class, api.baseUrl(), tokens);

    @Test
    void a401ForgetsExactlyTheTokenTheRequestCarried() {
        api.stubFor(WireMock.any(urlPathEqualTo("/events/e1")).willReturn(apiAnswer(401, "{\"error\":\"invalid_grant\","
                + "\"error_description\":\"The access token provided has expired.\"}")));

        assertThatThrownBy(() -> events.httpGet("e1", null))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("HTTP 401: The access token provided has expired.")
                .hasMessageNotContaining("token-1");
        assertThat(tokens.invalidated).containsExactly("token-1");
        assertThat(tokens.rejections).as("rejections told to the token manager").hasValue(1);
        api.stubFor(WireMock.get(urlPathEqualTo("/events/e2")).willReturn(okJson("{\"pid\":\"e2\"}")));
        events.httpGet("e2", null);
        assertThat(authorizations(api)).containsExactly("Bearer token-1", "Bearer token-2");
        assertThat(tokens.rejections).hasValue(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 503})
    void anErrorAnswerNamesItsRequestWithoutTheQueryForTheExceptionMapper(int status) {
        ClientResponseContext response = Stubs.response(status, "{}");

        filter.filter(Stubs.request("DELETE", EVENT, "Bearer token-1"), response);

        assertThat(response.getHeaders().getFirst(TicketparkResponseFilter.REQUEST_HEADER))
                .isEqualTo("DELETE /events/e1");
        assertThat(tokens.invalidated).isEmpty();
    }

    @Test
    void aSuccessfulAnswerIsLeftAsItIs() {
        ClientResponseContext response = Stubs.response(200, "{}");

        filter.filter(Stubs.request("GET", EVENT, "Bearer token-1"), response);

        assertThat(response.getHeaders()).isEmpty();
    }

    @Test
    void a401ToARequestWithoutABearerTokenForgetsNothingButIsRejected() {
        assertThatThrownBy(() -> filter.filter(Stubs.request("GET", EVENT, "Basic abc"), Stubs.response(401, null)))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> {
                    assertThat(e.method()).isEqualTo("GET");
                    assertThat(e.path()).isEqualTo("/events/e1");
                    assertThat(e.body()).isEmpty();
                });
        assertThat(tokens.invalidated).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 204, 400, 403, 404, 409})
    void everyAnswerOfTheApiItselfSaysItAcceptedTheToken(int status) {
        filter.filter(Stubs.request("GET", EVENT, "Bearer token-1"), Stubs.response(status, null));

        assertThat(tokens.accepted).containsExactly("token-1");
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 429, 500, 502, 503})
    void aRejectionOrAGatewaysAnswerSaysNothingOfTheToken(int status) {
        catchThrowable(() -> filter.filter(Stubs.request("GET", EVENT, "Bearer token-1"),
                Stubs.response(status, null)));

        assertThat(tokens.accepted).isEmpty();
    }
}
