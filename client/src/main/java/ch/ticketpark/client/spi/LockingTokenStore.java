package ch.ticketpark.client.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * A {@link TokenStore} that servers share and that can claim the account for one token request, so that all of them
 * together send one token request per expiry: the first to claim it refreshes and stores the answer; the others wait
 * for the claim, find the newer state and use its access token without a request of their own. The {@code jdbc}
 * store locks the account's row; the {@code file} store locks a file beside the account's file.
 * <p>
 * A claim whose holder dies must be released without it: a lock held by a database connection is released when the
 * connection breaks, a file lock when the process ends. Never a lease that runs out by the clocks of two machines.
 */
public interface LockingTokenStore extends TokenStore {

    /**
     * Claims the account for one token request: while a claim is open, no other claim on the same account is
     * granted, by this store or any other that shares its state. The client holds it from before it reads the state
     * it will send, to after it stored the answer, and closes it in every case.
     *
     * @param wait how long to wait for a claim another holds
     * @return the claim, or empty if another held it for all of {@code wait}
     */
    Optional<Claim> claim(Duration wait);

    /**
     * The account, held for one token request. Used by one thread at a time; closed exactly once.
     */
    interface Claim extends AutoCloseable {

        /** @return the state stored when the claim was granted */
        Optional<StoredTokens> current();

        /** {@link TokenStore#compareAndSet(long, StoredTokens)}, within the claim. */
        boolean compareAndSet(long expectedVersion, StoredTokens next);

        /** Releases the claim; what was not stored by then stays as it was. Never throws. */
        @Override
        void close();
    }
}
