package ch.ticketpark.sandbox.client;

import java.util.Map;
import java.util.TreeMap;

/**
 * The sandbox's counters since its last reset ({@code GET /_sandbox/stats}), by name: the common ones as methods, any
 * with {@link #counter(String)}.
 *
 * @param counters every counter the sandbox reported, by name
 */
public record SandboxStats(Map<String, Long> counters) {

    public SandboxStats {
        counters = Map.copyOf(counters);
    }

    /**
     * @throws IllegalArgumentException if the sandbox reports no counter of that name (the message lists those it has)
     */
    public long counter(String name) {
        Long value = counters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The sandbox reports no counter " + name + "; it has "
                    + new TreeMap<>(counters).keySet());
        }
        return value;
    }

    /** Token requests the token endpoint answered (a fault answered before it is not one: {@link #tokenFaults()}). */
    public long tokenRequests() {
        return counter("tokenRequests");
    }

    public long passwordGrants() {
        return counter("passwordGrants");
    }

    public long passwordGrantsSucceeded() {
        return counter("passwordGrantsSucceeded");
    }

    public long refreshGrants() {
        return counter("refreshGrants");
    }

    public long refreshGrantsSucceeded() {
        return counter("refreshGrantsSucceeded");
    }

    /** Token requests refused with an OAuth error ({@code invalid_grant}, {@code invalid_client}, …). */
    public long tokenErrors() {
        return counter("tokenErrors");
    }

    /** Refresh tokens sent again after they had been rotated: a client that lost a rotation. */
    public long refreshTokenReuses() {
        return counter("refreshTokenReuses");
    }

    public long apiRequests() {
        return counter("apiRequests");
    }

    /** API requests answered 401 (no, an unknown, a revoked or an expired token). */
    public long apiUnauthorized() {
        return counter("apiUnauthorized");
    }

    /** Token requests answered by an armed fault. */
    public long tokenFaults() {
        return counter("tokenFaults");
    }

    public long apiFaults() {
        return counter("apiFaults");
    }

    public long emailsSent() {
        return counter("emailsSent");
    }
}
