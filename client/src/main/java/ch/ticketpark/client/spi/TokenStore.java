package ch.ticketpark.client.spi;

import java.util.Optional;

/**
 * Keeps the newest refresh token across restarts, so that an installation can run on refresh tokens alone, without
 * a stored password. Ticketpark rotates refresh tokens: each refresh answers a new one and deletes the old, so the
 * token configured in {@code ticketpark.refresh-token} is spent after its first use.
 * <p>
 * Provide an implementation as a CDI bean of your application (for example {@code @ApplicationScoped}, storing the
 * token in your database or a file only your server can read). The client reads {@link #load()} when it first needs
 * a token (before {@code ticketpark.refresh-token}), again at the next need if that failed, and once more when the
 * endpoint rejects a refresh token (another server may have rotated it). It calls {@link #save(String)} after every
 * answer that brought a new refresh token, including an answer it refused otherwise (the server has rotated the
 * chain by then). Without such a bean, refresh tokens live in memory only.
 * <p>
 * The client calls {@link #save(String)} one call at a time, always with the newest refresh token, never with an
 * older one after a newer. Whatever {@code save} throws, the client keeps working with the token in memory, logs
 * {@code TPC0112} and saves again soon. Never log the token in your implementation.
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
