package ch.ticketpark.client.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import ch.ticketpark.client.support.Fixtures;
import ch.ticketpark.client.support.RotatingTokens;
import ch.ticketpark.client.support.SharedWireMock;
import ch.ticketpark.client.support.TicketparkClients;

class EmailClientTest {

    @RegisterExtension
    static SharedWireMock api = Fixtures.wireMock();

    @RegisterExtension
    final TicketparkClients clients = new TicketparkClients();

    @Test
    void sendsTheConfirmationOfABooking() {
        api.stubFor(WireMock.post(urlEqualTo("/email/send")).willReturn(aResponse().withStatus(204)));

        clients.build(EmailClient.class, api.baseUrl(), new RotatingTokens()).sendConfirmation("293233446073");

        api.verify(postRequestedFor(urlEqualTo("/email/send"))
                .withRequestBody(equalToJson("{\"booking\":\"293233446073\",\"type\":\"confirmation\"}")));
    }
}
