package ch.ticketpark.sandbox;

import java.util.EnumMap;
import java.util.Map;
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
    private final Map<Counter, LongAdder> counters = new EnumMap<>(Counter.class);

    public SandboxStats() {
        for (Counter counter : Counter.values()) {
            counters.put(counter, new LongAdder());
        }
    }

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

    public void count(Counter counter) {
        counters.get(counter).increment();
    }

    /** The outcome of a token request of this grant type ({@code null} or unsupported: "other"). */
    public void grantOutcome(String grantType, boolean succeeded) {
        if ("password".equals(grantType)) {
            count(succeeded ? Counter.PASSWORD_GRANTS_SUCCEEDED : Counter.PASSWORD_GRANTS_FAILED);
        } else if ("refresh_token".equals(grantType)) {
            count(succeeded ? Counter.REFRESH_GRANTS_SUCCEEDED : Counter.REFRESH_GRANTS_FAILED);
        } else {
            count(Counter.OTHER_GRANTS_FAILED);
        }
    }

    /** An unconfirmed booking deleted because its time ran out. */
    public void bookingExpired() {
        count(Counter.BOOKINGS_EXPIRED);
    }

    /** The values of the {@link Counter}s, in declaration order. */
    public Map<Counter, Long> counters() {
        Map<Counter, Long> values = new EnumMap<>(Counter.class);
        counters.forEach((counter, adder) -> values.put(counter, adder.sum()));
        return values;
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
        counters.values().forEach(LongAdder::reset);
    }
}
