package ch.ticketpark.client.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The client's token at one moment, as {@link ch.ticketpark.client.TicketparkTokens#status()} reads it: without a
 * token request, without waiting, and without any token in it.
 *
 * @param at when it was read
 * @param state whether the client holds a valid access token
 * @param validUntil when the current access token expires, while it is valid
 * @param lastObtained the last token the endpoint issued to this client, if any
 * @param lastFailure the last token request that failed, if any (it may be older than {@code lastObtained})
 * @param passwordGrants the tokens obtained with the password grant since the application started
 * @param refreshGrants the tokens obtained with the refresh-token grant since the application started
 * @param failedRequests the token requests sent that failed since the application started (each attempt of a
 *        retried request counts)
 * @param circuitOpenUntil when the open circuit breaker lets the next request go out, while it is open
 * @param problems why the client cannot serve calls now, or will not for long; empty when it is ready
 */
public record TokenStatus(Instant at, State state, Optional<Instant> validUntil, Optional<TokenObtained> lastObtained,
        Optional<TokenRequestFailed> lastFailure, long passwordGrants, long refreshGrants, long failedRequests,
        Optional<Instant> circuitOpenUntil, List<TokenProblem> problems) {

    /** Whether the client holds a valid access token. */
    public enum State {

        /** None has been needed yet: the first call obtains one. */
        NOT_REQUESTED,

        /** A valid access token: calls go out without a token request. */
        VALID,

        /** None, or it expired or was rejected: the next call requests one (unless a problem prevents it). */
        NONE
    }

    public TokenStatus {
        problems = List.copyOf(problems);
    }

    /**
     * Whether the client can serve calls: no {@link #problems() problem}. A client that has not needed a token yet, or
     * whose last request failed for a reason that may pass (the breaker decides when it does not), is ready.
     */
    public boolean ready() {
        return problems.isEmpty();
    }

    /** How long the current access token stays valid, from {@link #at()}; empty without a valid one. */
    public Optional<Duration> validFor() {
        return validUntil.map(until -> Duration.between(at, until));
    }
}
