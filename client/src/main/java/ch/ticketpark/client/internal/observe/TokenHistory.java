package ch.ticketpark.client.internal.observe;

import java.util.concurrent.atomic.AtomicReference;

import ch.ticketpark.client.exception.InvalidClientException;
import ch.ticketpark.client.status.GrantType;
import ch.ticketpark.client.status.TokenObtained;
import ch.ticketpark.client.status.TokenRequestFailed;

/**
 * The counters and last outcomes of the token requests since the application started: one immutable value behind an
 * atomic reference, so that a reader sees counters and outcomes of the same moment.
 */
public final class TokenHistory implements TokenObserver {

    /**
     * @param clientRejected the last request's failure, while it was the endpoint rejecting the client credentials
     *        and no token came since; {@code null} otherwise
     */
    public record Snapshot(TokenObtained lastObtained, TokenRequestFailed lastFailure, long passwordGrants,
            long refreshGrants, long failedRequests, TokenRequestFailed clientRejected) {
    }

    private static final Snapshot EMPTY = new Snapshot(null, null, 0, 0, 0, null);

    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(EMPTY);

    public Snapshot snapshot() {
        return snapshot.get();
    }

    @Override
    public void obtained(TokenObtained obtained) {
        boolean password = obtained.grantType() == GrantType.PASSWORD;
        snapshot.updateAndGet(s -> new Snapshot(obtained, s.lastFailure, s.passwordGrants + (password ? 1 : 0),
                s.refreshGrants + (password ? 0 : 1), s.failedRequests, null));
    }

    @Override
    public void failed(TokenRequestFailed failed, Throwable cause) {
        TokenRequestFailed rejected = cause instanceof InvalidClientException ? failed : null;
        snapshot.updateAndGet(s -> new Snapshot(s.lastObtained, failed, s.passwordGrants, s.refreshGrants,
                s.failedRequests + 1, rejected));
    }
}
