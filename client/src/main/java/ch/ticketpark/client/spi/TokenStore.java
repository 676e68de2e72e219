package ch.ticketpark.client.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * Keeps one account's token state ({@link StoredTokens}) across restarts, and across the servers that share it, so
 * that an installation runs on refresh tokens alone, without a stored password. Ticketpark rotates refresh tokens:
 * each refresh answers a new one and deletes the old, so a stored state is replaced after every token request, and
 * only if nobody replaced it meanwhile (compare-and-set on {@link StoredTokens#version()}).
 * <p>
 * The library brings three ({@code ticketpark.token-store}: {@code file}, the default, {@code memory} and
 * {@code jdbc}); an application's own CDI bean implementing this interface takes their place. The client reads
 * {@link #load()} when it first needs a token, again at the next need if that failed, and once more when the endpoint
 * rejects a refresh token (another server may have rotated it). Around each token request it holds a
 * {@link #claim(Duration) claim}, and it stores the answer through the claim before it hands the new access token to
 * any caller. Whatever a store throws, the client goes on with the tokens in memory, logs {@code TPC0112} and stores
 * them again soon. Treat every value as a secret: never log a token.
 */
public interface TokenStore {

    /**
     * @return the state stored last, if any
     */
    Optional<StoredTokens> load();

    /**
     * Replaces the stored state by {@code next}, if the stored state's version is still {@code expectedVersion}
     * ({@code 0}: nothing is stored). When it returns {@code true}, {@code next} is durable.
     *
     * @param expectedVersion the version the caller based {@code next} on
     * @param next the new state; its version is {@code expectedVersion + 1}
     * @return whether {@code next} replaced the stored state ({@code false}: another replaced it meanwhile)
     */
    boolean compareAndSet(long expectedVersion, StoredTokens next);

    /**
     * Claims the account for one token request: while a claim is open, no other claim on the same account is
     * granted, by this store or any other that shares its state (other servers). The client holds it from before it
     * reads the state it will send, to after it stored the answer, and closes it in every case.
     * <p>
     * The default claims nothing beyond what the client does in its own process (it sends one token request at a
     * time): servers that share such a store may each send a refresh at the same expiry, and the one whose refresh
     * token was rotated by another recovers by reading the store again. A store shared by servers should claim for
     * real, so that each expiry costs one token request in all (the {@code jdbc} store locks the account's row), and
     * release a claim whose holder died (a lock held by a database connection is released when it breaks).
     *
     * @param wait how long to wait for a claim another holds
     * @return the claim, or empty if another held it for all of {@code wait}
     */
    default Optional<Claim> claim(Duration wait) {
        TokenStore store = this;
        Optional<StoredTokens> current = load();
        return Optional.of(new Claim() {

            @Override
            public Optional<StoredTokens> current() {
                return current;
            }

            @Override
            public boolean compareAndSet(long expectedVersion, StoredTokens next) {
                return store.compareAndSet(expectedVersion, next);
            }

            @Override
            public void close() {
                // nothing held
            }
        });
    }

    /**
     * The account, held for one token request. Not shared between threads at the same time; closed exactly once.
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
