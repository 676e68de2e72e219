package ch.ticketpark.client.spi;

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
 * rejects a refresh token (another server may have rotated it). It stores each answer before it hands the new access
 * token to any caller. Whatever a store throws, the client goes on with the tokens in memory, logs {@code TPC0112}
 * and stores them again soon. Treat every value as a secret: never log a token.
 * <p>
 * Servers that share a plain store may each send a refresh at the same expiry; the one whose refresh token another
 * rotated recovers by reading the store again. A store that implements {@link LockingTokenStore} lets them agree on
 * one token request per expiry instead.
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
}
