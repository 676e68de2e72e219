package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.CLIENT_KEY;
import static ch.ticketpark.client.support.Fixtures.CLIENT_SECRET;
import static ch.ticketpark.client.support.Fixtures.TOKEN_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.time.Duration;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.ticketpark.client.exception.MalformedTokenResponseException;
import ch.ticketpark.client.support.Fixtures;
import ch.ticketpark.client.support.SharedWireMock;

/** A token endpoint (connect timeout 2 s, read timeout 1 s) in front of a WireMock server, for each test. */
public abstract class TokenEndpointTestSupport {

    @RegisterExtension
    public static SharedWireMock server = Fixtures.wireMock();

    public TokenEndpoint endpoint;

    @BeforeEach
    void createEndpoint() {
        endpoint = new TokenEndpoint(URI.create(server.baseUrl() + TOKEN_PATH), CLIENT_KEY, CLIENT_SECRET,
                Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    @AfterEach
    void closeEndpoint() {
        endpoint.close();
    }

    /**
     * What the caller learns of a refused answer: a refused answer that carries a new refresh token comes as the
     * internal {@link RefusedAnswer} (the token manager keeps its refresh token), whose refusal is what callers see.
     */
    static MalformedTokenResponseException refusal(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        if (thrown instanceof RefusedAnswer refused) {
            return refused.refusal();
        }
        assertThat(thrown).isInstanceOf(MalformedTokenResponseException.class);
        return (MalformedTokenResponseException) thrown;
    }
}
