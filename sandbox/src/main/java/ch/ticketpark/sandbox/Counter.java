package ch.ticketpark.sandbox;

/**
 * The counters of {@link SandboxStats} beyond those of {@link StatsSnapshot}, each reported by the control plane
 * under its {@link #label()}.
 */
public enum Counter {

    /** Requests that reached the token endpoint (after fault injection). */
    TOKEN_REQUESTS("tokenRequests"), PASSWORD_GRANTS_SUCCEEDED("passwordGrantsSucceeded"), PASSWORD_GRANTS_FAILED(
            "passwordGrantsFailed"), REFRESH_GRANTS_SUCCEEDED(
                    "refreshGrantsSucceeded"), REFRESH_GRANTS_FAILED("refreshGrantsFailed"),
    /** Token requests without a grant type or with an unsupported one (always refused). */
    OTHER_GRANTS_FAILED("otherGrantsFailed"),
    /** Requests answered by an injected fault instead of (or besides) the sandbox's own logic. */
    TOKEN_FAULTS("tokenFaults"), API_FAULTS("apiFaults"), EMAILS_SENT("emailsSent"), BOOKINGS_EXPIRED(
            "bookingsExpired"),
    /**
     * API requests refused because their token's lifetime was over (part of {@code apiUnauthorized}): tokens that
     * expired on the way, apart from those the sandbox never issued or forgot (revoke, reset).
     */
    API_UNAUTHORIZED_EXPIRED("apiUnauthorizedExpired");

    private final String label;

    Counter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
