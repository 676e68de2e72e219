package ch.ticketpark.client.exception;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TokenEndpointCircuitOpenExceptionTest {

    @Test
    void anOpenCircuitIsAnUnavailableEndpointWithTheLastFailuresStatusAndCause() {
        var open = new TokenEndpointCircuitOpenException("m", Instant.EPOCH, 3,
                new InvalidClientException("c", 400, null));
        assertThat(open).isInstanceOf(TokenEndpointUnavailableException.class);
        assertThat(open.getCause()).isInstanceOf(InvalidClientException.class);
        assertThat(open.status()).isEqualTo(400);
    }

    @Test
    void itIsNoAttemptAndKeepsWhenItCloses() {
        var open = new TokenEndpointCircuitOpenException("m", Instant.EPOCH, 3,
                new TokenEndpointUnavailableException("u", 503));

        assertThat(open.attempts()).isZero();
        assertThat(open.retryAfter()).isEmpty();
        assertThat(open.openUntil()).isEqualTo(Instant.EPOCH);
        assertThat(open.consecutiveFailures()).isEqualTo(3);
    }
}
