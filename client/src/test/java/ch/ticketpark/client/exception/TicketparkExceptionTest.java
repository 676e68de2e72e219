package ch.ticketpark.client.exception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TicketparkExceptionTest {

    @Test
    void everyExceptionIsATicketparkException() {
        List<Class<?>> types = List.of(TokenRequestException.class, OAuthErrorException.class,
                InvalidGrantException.class, InvalidClientException.class, TokenEndpointUnavailableException.class,
                TokenEndpointCircuitOpenException.class, MalformedTokenResponseException.class);
        assertThat(types).allMatch(TicketparkException.class::isAssignableFrom);
    }
}
