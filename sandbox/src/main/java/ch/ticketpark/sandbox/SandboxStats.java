package ch.ticketpark.sandbox;

import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counters of what the sandbox answered, for tests to assert on (for example that a client refreshed exactly once).
 * Thread-safe; {@link #reset()} is not atomic with respect to concurrent increments, which is fine between tests.
 */
@ApplicationScoped
public class SandboxStats {

    private final LongAdder passwordGrants = new LongAdder();
    private final LongAdder refreshGrants = new LongAdder();
    private final LongAdder tokenErrors = new LongAdder();
    private final LongAdder refreshTokenReuses = new LongAdder();
    private final LongAdder apiRequests = new LongAdder();
    private final LongAdder apiUnauthorized = new LongAdder();

    /** A token request with {@code grant_type=password}, whatever its outcome. */
    public void passwordGrant() {
        passwordGrants.increment();
    }

    /** A token request with {@code grant_type=refresh_token}, whatever its outcome. */
    public void refreshGrant() {
        refreshGrants.increment();
    }

    /** A token request answered with 400. */
    public void tokenError() {
        tokenErrors.increment();
    }

    /** A refresh request that presented a refresh token already rotated away. */
    public void refreshTokenReuse() {
        refreshTokenReuses.increment();
    }

    /** A request to the resource API, whatever its outcome. */
    public void apiRequest() {
        apiRequests.increment();
    }

    /** A request to the resource API answered with 401. */
    public void apiUnauthorized() {
        apiUnauthorized.increment();
    }

    public StatsSnapshot snapshot() {
        return new StatsSnapshot(passwordGrants.sum(), refreshGrants.sum(), tokenErrors.sum(),
                refreshTokenReuses.sum(), apiRequests.sum(), apiUnauthorized.sum());
    }

    public void reset() {
        passwordGrants.reset();
        refreshGrants.reset();
        tokenErrors.reset();
        refreshTokenReuses.reset();
        apiRequests.reset();
        apiUnauthorized.reset();
    }
}
