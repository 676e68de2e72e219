package ch.ticketpark.client.status;

import java.time.Duration;
import java.time.Instant;

/**
 * One token request that was sent failed: the endpoint refused it, answered an error or nothing usable, or could not
 * be reached (a CDI event; also the last one of {@link TokenStatus}). A request that is retried fires one per attempt.
 *
 * @param grantType the grant the request used
 * @param failedAt when it failed
 * @param code the message code of the failure, e.g. {@code TPC0005} (see the message catalogue)
 * @param reason the failure's message, which starts with the code and holds no secret
 * @param status the HTTP status of the answer, or {@code 0} if there was none
 * @param took how long the request took until it failed
 */
public record TokenRequestFailed(GrantType grantType, Instant failedAt, String code, String reason, int status,
        Duration took) {
}
