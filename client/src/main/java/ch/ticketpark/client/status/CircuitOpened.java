package ch.ticketpark.client.status;

import java.time.Instant;

/**
 * The circuit breaker opened (a CDI event): token requests failed too often in a row while callers had no valid
 * token, so callers fail at once until {@code openUntil}; then one probe goes out.
 *
 * @param openedAt when it opened
 * @param openUntil when the probe may go out
 * @param failures the token requests that failed in a row
 * @param code {@code TPC0102}
 * @param reason the message, with the last failure's
 */
public record CircuitOpened(Instant openedAt, Instant openUntil, int failures, String code, String reason) {
}
