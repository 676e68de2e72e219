package ch.ticketpark.client.status;

import java.time.Instant;

/**
 * The circuit breaker closed again (a CDI event): a token request succeeded after it had been open.
 *
 * @param closedAt when it closed
 * @param failures the token requests that had failed in a row before
 */
public record CircuitClosed(Instant closedAt, int failures) {
}
