package ch.ticketpark.sandbox;

/**
 * The values of the {@link SandboxStats} counters at one moment.
 */
public record StatsSnapshot(long passwordGrants, long refreshGrants, long tokenErrors, long refreshTokenReuses,
        long apiRequests, long apiUnauthorized) {
}
