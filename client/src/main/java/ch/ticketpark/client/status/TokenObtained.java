package ch.ticketpark.client.status;

import java.time.Duration;
import java.time.Instant;

/**
 * The token endpoint issued a token and the client uses it (a CDI event; also the last one of {@link TokenStatus}).
 * One per grant: a token taken from the token store, which another server obtained, is none.
 *
 * @param grantType the grant that obtained it
 * @param obtainedAt when the answer arrived
 * @param expiresAt when the access token expires (the request's time plus {@code expires_in})
 * @param took how long the token request took, from sending it to its answer
 */
public record TokenObtained(GrantType grantType, Instant obtainedAt, Instant expiresAt, Duration took) {
}
