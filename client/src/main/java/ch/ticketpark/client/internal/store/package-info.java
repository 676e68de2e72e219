/**
 * The token stores the library brings ({@code ticketpark.token-store}), each an implementation of the public
 * {@link ch.ticketpark.client.spi.TokenStore}:
 * <ul>
 * <li>{@link ch.ticketpark.client.internal.store.FileTokenStore} ({@code file}, the default): one owner-only file per
 * account in a directory, written atomically, replaced and claimed under a file lock, so that the servers of one host
 * that share the directory send one token request per expiry;</li>
 * <li>{@link ch.ticketpark.client.internal.store.MemoryTokenStore} ({@code memory}): for as long as the application
 * runs, nothing kept across a restart;</li>
 * <li>the {@code jdbc} store: one row per account in a database table shared by the servers.</li>
 * </ul>
 * All of them replace a state only by compare-and-set on its version, by the same rule
 * ({@link ch.ticketpark.client.internal.store.VersionRule}), and treat every token as a secret: no message, log line
 * or {@code toString()} of theirs quotes one.
 * <p>
 * Depends on {@link ch.ticketpark.client.spi} and the JDK only ({@code javax.sql} included, for the {@code jdbc}
 * store's data source): nothing else of the library, so that a store can be read, and tested, on its own. Of the library, only {@link ch.ticketpark.client.internal.token} may use them
 * ({@code PackageRulesTest}); outside it, the one-time login ({@code login/}) writes the first state through them.
 */
package ch.ticketpark.client.internal.store;
