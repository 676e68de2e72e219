package ch.ticketpark.client.status;

/**
 * Why the client cannot serve calls now, or will not for long: the reasons {@link TokenStatus#ready()} is
 * {@code false} and the readiness check {@code ticketpark} is DOWN.
 *
 * @param kind what is wrong
 * @param code the message code, e.g. {@code TPC0003} (see the message catalogue)
 * @param reason the message, which starts with the code and holds no secret
 */
public record TokenProblem(Kind kind, String code, String reason) {

    /** What is wrong. */
    public enum Kind {

        /** The refresh token was rejected and no password can replace it, or there was none to start from. */
        REFRESH_TOKEN_CHAIN_ENDED,

        /**
         * The token endpoint rejected the client key or secret ({@code invalid_client}) at the last request, and no
         * valid token is held; for one {@code ticketpark.circuit-breaker-delay}, after which the next call tries
         * again.
         */
        CLIENT_REJECTED,

        /** The circuit breaker is open and no valid token is held: calls fail at once until it lets a probe go. */
        CIRCUIT_OPEN,

        /**
         * The token store failed to save the newest refresh token, and no save has succeeded since: a restart now
         * would lose the chain.
         */
        STORE_SAVE_FAILING
    }
}
