package ch.ticketpark.client.internal.rest;

import static ch.ticketpark.client.support.Fixtures.apiAnswer;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.client.WireMock;

import ch.ticketpark.client.api.EventsClient;
import ch.ticketpark.client.api.ShowsClient;
import ch.ticketpark.client.exception.AccessDeniedException;
import ch.ticketpark.client.exception.ApiServerErrorException;
import ch.ticketpark.client.exception.InvalidPayloadException;
import ch.ticketpark.client.exception.RecordNotFoundException;
import ch.ticketpark.client.exception.TicketparkApiException;
import ch.ticketpark.client.exception.TokenRejectedException;
import ch.ticketpark.client.support.Fixtures;
import ch.ticketpark.client.support.RotatingTokens;
import ch.ticketpark.client.support.SharedWireMock;
import ch.ticketpark.client.support.TicketparkClients;

class TicketparkResponseExceptionMapperTest {

    @RegisterExtension
    static SharedWireMock api = Fixtures.wireMock();

    @RegisterExtension
    final TicketparkClients clients = new TicketparkClients();

    private final RotatingTokens tokens = new RotatingTokens();
    private final EventsClient events = clients.build(EventsClient.class, api.baseUrl(), tokens);

    @Test
    void mapsErrorStatusesToTypedExceptionsWithRequestAndBody() {
        stubError("/events/f0f0f0f0f0f0f0f0", 403, "{\"code\":403,\"message\":\"Record of another host\"}");
        stubError("/events/missing", 404, "{\"code\":404,\"message\":\"No event missing\"}");
        stubError("/shows/", 409, "{\"code\":409,\"message\":\"Field 'venue' is required\"}");
        stubError("/events/boom", 500, "Internal Server Error");
        stubError("/events/teapot", 418, "");

        assertThatThrownBy(() -> events.delete("f0f0f0f0f0f0f0f0"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.method()).isEqualTo("DELETE");
                    assertThat(e.path()).isEqualTo("/events/f0f0f0f0f0f0f0f0");
                    assertThat(e.body()).isEqualTo("{\"code\":403,\"message\":\"Record of another host\"}");
                    assertThat(e).hasMessage("TPC0201: The Ticketpark API answered DELETE /events/f0f0f0f0f0f0f0f0 "
                            + "with HTTP 403: Record of another host");
                });
        assertThatThrownBy(() -> events.get("missing")).isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("GET /events/missing with HTTP 404: No event missing");
        assertThatThrownBy(() -> clients.build(ShowsClient.class, api.baseUrl(), tokens).create(null))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessageContaining("POST /shows/ with HTTP 409: Field 'venue' is required");
        assertThatThrownBy(() -> events.get("boom")).isInstanceOf(ApiServerErrorException.class)
                .hasMessageContaining("HTTP 500: Internal Server Error");
        assertThatThrownBy(() -> events.get("teapot")).isExactlyInstanceOf(TicketparkApiException.class)
                .hasMessageEndingWith("HTTP 418");
        assertThat(tokens.invalidated).isEmpty();
    }

    @Test
    void mapsAnErrorOfAHeadRequestToo() {
        api.stubFor(WireMock.head(urlEqualTo("/events/")).willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> events.count()).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("HEAD /events/");
    }

    @Test
    void handlesEveryErrorStatusAndNothingElse() {
        TicketparkResponseExceptionMapper mapper = new TicketparkResponseExceptionMapper();

        assertThat(mapper.handles(400, new MultivaluedHashMap<>())).isTrue();
        assertThat(mapper.handles(599, new MultivaluedHashMap<>())).isTrue();
        assertThat(mapper.handles(399, new MultivaluedHashMap<>())).isFalse();
        assertThat(mapper.handles(200, new MultivaluedHashMap<>())).isFalse();
    }

    @Test
    void eachStatusHasItsType() {
        assertThat(TicketparkResponseExceptionMapper.exception(401, "GET", "/e", "")).isExactlyInstanceOf(
                TokenRejectedException.class);
        assertThat(TicketparkResponseExceptionMapper.exception(503, "GET", "/e", ""))
                .isExactlyInstanceOf(ApiServerErrorException.class);
        assertThat(TicketparkResponseExceptionMapper.exception(429, null, null, ""))
                .isExactlyInstanceOf(TicketparkApiException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{\"code\":404,\"message\":\"No event e1\"}'                  | No event e1",
            "'{\"error\":\"invalid_grant\",\"error_description\":\"Expired\"}' | Expired",
            "'{\"error\":\"invalid_grant\"}'                               | invalid_grant",
            "'{\"code\":500}'                                                | '{\"code\":500}'",
            "'{not json'                                                   | '{not json'",
            "'  Internal Server Error  '                                   | Internal Server Error"})
    void theDetailIsTheApisMessageElseTheBody(String body, String detail) {
        assertThat(TicketparkResponseExceptionMapper.detail(body)).isEqualTo(detail);
    }

    @Test
    void aLongBodyIsCutInTheDetail() {
        String body = "x".repeat(201);

        assertThat(TicketparkResponseExceptionMapper.detail(body)).isEqualTo("x".repeat(200) + "\u2026");
        assertThat(TicketparkResponseExceptionMapper.detail("x".repeat(200))).isEqualTo("x".repeat(200));
    }

    private static void stubError(String path, int status, String body) {
        api.stubFor(WireMock.any(urlPathEqualTo(path)).willReturn(apiAnswer(status, body)));
    }
}
