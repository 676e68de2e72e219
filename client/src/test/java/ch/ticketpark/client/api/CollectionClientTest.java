package ch.ticketpark.client.api;

import static ch.ticketpark.client.support.Fixtures.apiAnswer;
import static ch.ticketpark.client.support.Fixtures.authorizations;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import ch.ticketpark.client.Condition;
import ch.ticketpark.client.Query;
import ch.ticketpark.client.exception.TicketparkException;
import ch.ticketpark.client.exception.TokenRejectedException;
import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Event;
import ch.ticketpark.client.model.Price;
import ch.ticketpark.client.model.Ticket;
import ch.ticketpark.client.support.Fixtures;
import ch.ticketpark.client.support.RotatingTokens;
import ch.ticketpark.client.support.SharedWireMock;
import ch.ticketpark.client.support.TicketparkClients;

/**
 * The typed methods every collection client inherits, on the wire: built by the MicroProfile Rest Client
 * implementation Open Liberty uses (RESTEasy) with the providers the library registers, against WireMock.
 */
class CollectionClientTest {

    @RegisterExtension
    static SharedWireMock api = Fixtures.wireMock();

    @RegisterExtension
    final TicketparkClients clients = new TicketparkClients();

    private final RotatingTokens tokens = new RotatingTokens();

    private <T> T client(Class<T> type) {
        return clients.build(type, api.baseUrl(), tokens);
    }

    @Test
    void listSendsTheQueryInTheUrlAndTheTokenButNotTheCarrierHeader() {
        api.stubFor(WireMock.get(urlPathEqualTo("/events/")).willReturn(okJson("""
                [{"pid":"e1","name":"A","unknown":1},{"pid":2,"name":"B"}]""")));

        List<Event> events = client(EventsClient.class).list(Query.page(1, 2).filter("name", "A")
                .filter("updated", Condition.gt(LocalDateTime.of(2014, 1, 1, 0, 0))));

        assertThat(events).extracting(Event::pid).containsExactly("e1", "2");
        api.verify(getRequestedFor(urlEqualTo("/events/?page=1&maxResults=2&filters%5Bname%5D=A"
                + "&filters%5Bupdated%5D%5B_comp%5D=gt&filters%5Bupdated%5D%5B_value%5D=2014-01-01%2000%3A00%3A00"))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader(Query.HEADER, absent()));
    }

    @Test
    void getExpandsRelations() {
        api.stubFor(WireMock.get(urlPathEqualTo("/bookings/293233446073")).willReturn(okJson("""
                {"pid":293233446073,"customer":{"pid":"P1","lastname":"Muster"},"tickets":[{"pid":"t1"}]}""")));

        Booking booking = client(BookingsClient.class).get("293233446073",
                Query.create().expand("customer", "tickets"));

        assertThat(booking.customer().lastname()).isEqualTo("Muster");
        assertThat(booking.tickets()).extracting(Ticket::pid).containsExactly("t1");
        api.verify(getRequestedFor(
                urlEqualTo("/bookings/293233446073?properties%5Bcustomer%5D=1&properties%5Btickets%5D=1")));
    }

    @Test
    void getWithoutQuerySendsNoQueryString() {
        api.stubFor(WireMock.get(urlEqualTo("/events/e1")).willReturn(okJson("{\"pid\":\"e1\"}")));

        assertThat(client(EventsClient.class).get("e1").pid()).isEqualTo("e1");
    }

    @Test
    void countReadsXCountOfHead() {
        api.stubFor(WireMock.head(urlEqualTo("/events/?filters%5Bcurrency%5D=CHF"))
                .willReturn(aResponse().withStatus(200).withHeader("x-count", "42")));

        assertThat(client(EventsClient.class).count(Query.create().filter("currency", "CHF"))).isEqualTo(42);
    }

    @Test
    void countWithoutXCountSaysSo() {
        api.stubFor(WireMock.head(urlEqualTo("/events/")).willReturn(aResponse().withStatus(200)));

        assertThatThrownBy(() -> client(EventsClient.class).count()).isExactlyInstanceOf(TicketparkException.class)
                .hasMessage("TPC0214: The Ticketpark API answered HEAD without the x-count header");
    }

    @Test
    void createReturnsThePidOfLocation() {
        api.stubFor(WireMock.post(urlEqualTo("/prices/")).willReturn(aResponse().withStatus(201)
                .withHeader("Location", api.baseUrl() + "/prices/6445cdbe3e9509e8")));

        String pid = client(PricesClient.class).create(Price.of("e1", "Adult", "A", new BigDecimal("25")));

        assertThat(pid).isEqualTo("6445cdbe3e9509e8");
        api.verify(postRequestedFor(urlEqualTo("/prices/")).withRequestBody(equalToJson("""
                {"event":"e1","name":"Adult","price_category":"A","price":"25.00"}""")));
    }

    @Test
    void createAllFollowsTheBatchListLink() {
        api.stubFor(WireMock.post(urlEqualTo("/tickets/")).willReturn(aResponse().withStatus(201)
                .withHeader("Location", api.baseUrl() + "/tickets/?filters[batchId]=b-1&orderBy[batchOrder]=asc")));
        api.stubFor(WireMock.get(urlPathEqualTo("/tickets/")).willReturn(okJson("""
                [{"pid":"t1","booking":293233446073},{"pid":"t2","booking":293233446073}]""")));

        List<Ticket> created = client(TicketsClient.class).createAll(List.of(
                Ticket.of("293233446073", "s1", "p1", "c1"), Ticket.of("293233446073", "s1", "p1", "c1")));

        assertThat(created).extracting(Ticket::pid).containsExactly("t1", "t2");
        api.verify(postRequestedFor(urlEqualTo("/tickets/")).withRequestBody(equalToJson("""
                [{"booking":"293233446073","show":"s1","price":"p1","sector":"c1"},
                 {"booking":"293233446073","show":"s1","price":"p1","sector":"c1"}]""")));
        api.verify(getRequestedFor(urlEqualTo("/tickets/?filters%5BbatchId%5D=b-1&orderBy%5BbatchOrder%5D=asc"
                + "&page=0&maxResults=2")));
    }

    @Test
    void updatesAndDeletes() {
        api.stubFor(WireMock.patch(urlPathEqualTo("/bookings/293233446073")).willReturn(aResponse().withStatus(204)));
        api.stubFor(WireMock.patch(urlEqualTo("/events/")).willReturn(aResponse().withStatus(204)));
        api.stubFor(WireMock.delete(urlEqualTo("/events/e1")).willReturn(aResponse().withStatus(204)));

        client(BookingsClient.class).update("293233446073", Booking.confirmation(true));
        client(EventsClient.class).updateAll(List.of(new Event("e1", null, "A", null, null, null, null),
                new Event("e2", null, "B", null, null, null, null)));
        client(EventsClient.class).delete("e1");

        api.verify(patchRequestedFor(urlEqualTo("/bookings/293233446073"))
                .withRequestBody(equalToJson("{\"confirmation\":true}")));
        api.verify(patchRequestedFor(urlEqualTo("/events/"))
                .withRequestBody(equalToJson("[{\"pid\":\"e1\",\"name\":\"A\"},{\"pid\":\"e2\",\"name\":\"B\"}]")));
        api.verify(deleteRequestedFor(urlEqualTo("/events/e1")).withHeader("Authorization", equalTo("Bearer token-1")));
    }

    @Test
    void streamFetchesPageAfterPageOnlyAsNeeded() {
        api.stubFor(WireMock.get(urlEqualTo("/events/?filters%5Bcurrency%5D=CHF&maxResults=2&page=0"))
                .willReturn(okJson("[{\"pid\":\"e1\"},{\"pid\":\"e2\"}]")));
        api.stubFor(WireMock.get(urlEqualTo("/events/?filters%5Bcurrency%5D=CHF&maxResults=2&page=1"))
                .willReturn(okJson("[{\"pid\":\"e3\"},{\"pid\":\"e4\"}]")));
        api.stubFor(WireMock.get(urlEqualTo("/events/?filters%5Bcurrency%5D=CHF&maxResults=2&page=2"))
                .willReturn(okJson("[{\"pid\":\"e5\"}]")));
        EventsClient events = client(EventsClient.class);
        Query query = Query.create().filter("currency", "CHF").maxResults(2);

        assertThat(events.stream(query).limit(3).map(Event::pid)).containsExactly("e1", "e2", "e3");
        assertThat(api.getAllServeEvents()).hasSize(2);
        assertThat(events.stream(query).map(Event::pid)).containsExactly("e1", "e2", "e3", "e4", "e5");
        assertThat(api.getAllServeEvents()).hasSize(5);
    }

    @Test
    void typedMethodsReplayOnceWithANewTokenAfter401() {
        api.stubFor(
                WireMock.any(urlPathEqualTo("/events/e1")).willReturn(apiAnswer(401, "{\"error\":\"invalid_grant\"}")));
        api.stubFor(WireMock.get(urlPathEqualTo("/events/e1")).withHeader("Authorization", equalTo("Bearer token-2"))
                .willReturn(okJson("{\"pid\":\"e1\"}")));

        assertThat(client(EventsClient.class).get("e1").pid()).isEqualTo("e1");
        assertThat(tokens.invalidated).containsExactly("token-1");
        assertThat(authorizations(api)).containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void listWithoutAQueryReplaysOnceWithANewTokenAfter401() {
        api.stubFor(WireMock.get(urlEqualTo("/events/")).willReturn(apiAnswer(401, "{\"error\":\"invalid_grant\"}")));
        api.stubFor(WireMock.get(urlEqualTo("/events/")).withHeader("Authorization", equalTo("Bearer token-2"))
                .willReturn(okJson("[{\"pid\":\"e1\"}]")));

        assertThat(client(EventsClient.class).list()).extracting(Event::pid).containsExactly("e1");
        assertThat(authorizations(api)).containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void typedMethodsGiveUpAfterASecond401() {
        api.stubFor(WireMock.any(urlPathEqualTo("/events/")).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> client(EventsClient.class).count()).isInstanceOf(TokenRejectedException.class);
        assertThat(authorizations(api)).containsExactly("Bearer token-1", "Bearer token-2");
        assertThat(tokens.invalidated).containsExactly("token-1", "token-2");
    }

    @Test
    void countWithoutXCountFails() {
        api.stubFor(WireMock.head(urlEqualTo("/events/")).willReturn(aResponse().withStatus(200)));

        assertThatThrownBy(() -> client(EventsClient.class).count()).isInstanceOf(TicketparkException.class)
                .hasMessageStartingWith("TPC0214");
    }

    @Test
    void listAndCountWithoutAQuerySendNoQueryString() {
        api.stubFor(WireMock.get(urlEqualTo("/events/")).willReturn(okJson("[{\"pid\":\"e1\"}]")));
        api.stubFor(WireMock.head(urlEqualTo("/events/")).willReturn(aResponse().withHeader("x-count", "7")));

        assertThat(client(EventsClient.class).list()).extracting(Event::pid).containsExactly("e1");
        assertThat(client(EventsClient.class).count()).isEqualTo(7);
    }
}
