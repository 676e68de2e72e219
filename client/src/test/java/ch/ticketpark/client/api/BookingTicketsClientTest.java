package ch.ticketpark.client.api;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.model.Ticket;
import ch.ticketpark.client.support.Fixtures;
import ch.ticketpark.client.support.RotatingTokens;
import ch.ticketpark.client.support.SharedWireMock;
import ch.ticketpark.client.support.TicketparkClients;

class BookingTicketsClientTest {

    @RegisterExtension
    static SharedWireMock api = Fixtures.wireMock();

    @RegisterExtension
    final TicketparkClients clients = new TicketparkClients();

    private final BookingTicketsClient tickets = clients.build(BookingTicketsClient.class, api.baseUrl(),
            new RotatingTokens());

    @Test
    void streamsTheTicketsOfABookingForOneShow() {
        api.stubFor(WireMock.get(urlEqualTo("/bookings/293233446073/tickets/?filters%5Bshow%5D=s1&maxResults=2&page=0"))
                .willReturn(okJson("[{\"pid\":\"t1\"},{\"pid\":\"t2\"}]")));
        api.stubFor(WireMock.get(urlEqualTo("/bookings/293233446073/tickets/?filters%5Bshow%5D=s1&maxResults=2&page=1"))
                .willReturn(okJson("[{\"pid\":\"t3\"}]")));

        assertThat(tickets.stream("293233446073", Query.create().filter("show", "s1").maxResults(2)))
                .extracting(Ticket::pid).containsExactly("t1", "t2", "t3");
    }
}
