package ch.ticketpark.client.spi;

import java.util.Optional;

/**
 * Keeps the newest refresh token across restarts, so that an installation can run on refresh tokens alone, without
 * a stored password. Ticketpark rotates refresh tokens: each refresh answers a new one and deletes the old, so the
 * token configured in {@code ticketpark.refresh-token} is spent after its first use.
 * <p>
 * Provide an implementation as a CDI bean of your application (for example {@code @ApplicationScoped}, storing the
 * token in your database or a file only your server can read). The client then starts from {@link #load()} (before
 * {@code ticketpark.refresh-token}) and calls {@link #save(String)} after every grant that issued a new refresh
 * token. Without such a bean, refresh tokens live in memory only.
 * <p>
 * The client calls {@link #save(String)} from its one token request in flight, never concurrently; it keeps
 * working with the token in memory if saving fails.
 */
public interface TokenStore {

    /**
     * @return the refresh token saved last, if any
     */
    Optional<String> load();

    /**
     * Replaces the saved refresh token. Treat the value as a secret: never log it.
     *
     * @param refreshToken the newest refresh token
     */
    void save(String refreshToken);
}
