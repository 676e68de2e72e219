package ch.ticketpark.client.internal.observe;

import ch.ticketpark.client.status.CircuitClosed;
import ch.ticketpark.client.status.CircuitOpened;
import ch.ticketpark.client.status.RefreshTokenChainEnded;
import ch.ticketpark.client.status.TokenObtained;
import ch.ticketpark.client.status.TokenRequestFailed;

/**
 * Hears what the token lifecycle does. The lifecycle calls it on its own threads, outside any lock and outside the
 * token store's claim; an implementation returns at once (it counts, or hands the event on) and may throw: the
 * lifecycle never sees it ({@link Observers}).
 */
public interface TokenObserver {

    /** Hears nothing. */
    TokenObserver NONE = new TokenObserver() {
    };

    /** A grant issued a token and the chain took it. */
    default void obtained(TokenObtained obtained) {
    }

    /**
     * A token request that was sent failed.
     *
     * @param cause the failure, for those who tell its kind by type
     */
    default void failed(TokenRequestFailed failed, Throwable cause) {
    }

    /** The refresh-token chain ended; said once per end. */
    default void chainEnded(RefreshTokenChainEnded ended) {
    }

    default void circuitOpened(CircuitOpened opened) {
    }

    default void circuitClosed(CircuitClosed closed) {
    }

    /** A refresh ahead of expiry was handed to a thread. */
    default void refreshAheadStarted() {
    }

    /** The API rejected the token of a call (HTTP 401); the call is replayed once where it can be sent twice. */
    default void tokenRejected() {
    }

    /** The token manager closes (the application stops): let go of what it holds. */
    default void close() {
    }
}
