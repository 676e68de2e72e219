package ch.ticketpark.client.internal;

import static ch.ticketpark.client.internal.Fixtures.CLIENT_KEY;
import static ch.ticketpark.client.internal.Fixtures.CLIENT_SECRET;
import static ch.ticketpark.client.internal.Fixtures.TOKEN_PATH;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** A token endpoint (connect timeout 2 s, read timeout 1 s) in front of a WireMock server, for each test. */
abstract class TokenEndpointTestSupport {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    TokenEndpoint endpoint;

    @BeforeEach
    void createEndpoint() {
        endpoint = new TokenEndpoint(URI.create(server.baseUrl() + TOKEN_PATH), CLIENT_KEY, CLIENT_SECRET,
                Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    @AfterEach
    void closeEndpoint() {
        endpoint.close();
    }
}
