package ch.ticketpark.client.api;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.support.Fixtures;
import ch.ticketpark.client.support.RotatingTokens;
import ch.ticketpark.client.support.SharedWireMock;
import ch.ticketpark.client.support.TicketparkClients;

class EventBookingsClientTest {

    @RegisterExtension
    static SharedWireMock api = Fixtures.wireMock();

    @RegisterExtension
    final TicketparkClients clients = new TicketparkClients();

    private final EventBookingsClient bookings = clients.build(EventBookingsClient.class, api.baseUrl(),
            new RotatingTokens());

    @Test
    void listsTheBookingsOfAnEvent() {
        api.stubFor(WireMock.get(urlEqualTo("/events/e1/bookings/?maxResults=10&page=0"))
                .willReturn(okJson("[{\"pid\":293233446073}]")));

        assertThat(bookings.list("e1", Query.create().maxResults(10).page(0))).extracting(Booking::pid)
                .containsExactly("293233446073");
    }

    @Test
    void streamsTheBookingsOfAnEventPageAfterPage() {
        api.stubFor(WireMock.get(urlEqualTo("/events/e1/bookings/?maxResults=1&page=0"))
                .willReturn(okJson("[{\"pid\":\"b1\"}]")));
        api.stubFor(WireMock.get(urlEqualTo("/events/e1/bookings/?maxResults=1&page=1"))
                .willReturn(okJson("[]")));

        assertThat(bookings.stream("e1", Query.create().maxResults(1))).extracting(Booking::pid)
                .containsExactly("b1");
    }
}
