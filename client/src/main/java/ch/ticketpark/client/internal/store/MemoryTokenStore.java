package ch.ticketpark.client.internal.store;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;

/**
 * The {@code memory} token store: the state lives as long as the application, and a restart starts from the
 * configured refresh token (or the one-time login) again. For tests, and for an application that runs on one server
 * and may log in again after each restart.
 * <p>
 * It keeps the {@link TokenStore#claim(java.time.Duration) default claim}: nothing shares its state beyond this
 * process, in which the client sends one token request at a time anyway. Thread-safe; {@link #compareAndSet} never
 * blocks.
 */
public final class MemoryTokenStore implements TokenStore {

    private final AtomicReference<StoredTokens> state = new AtomicReference<>();

    @Override
    public Optional<StoredTokens> load() {
        return Optional.ofNullable(state.get());
    }

    /**
     * @throws IllegalArgumentException if {@code next} is not version {@code expectedVersion + 1} (see
     *         {@link VersionRule})
     */
    @Override
    public boolean compareAndSet(long expectedVersion, StoredTokens next) {
        VersionRule.check(expectedVersion, next);
        StoredTokens current = state.get();
        // versions only grow, so a state that changed after this read no longer has the expected version either
        return VersionRule.versionOf(current) == expectedVersion && state.compareAndSet(current, next);
    }

    @Override
    public String toString() {
        return "MemoryTokenStore";
    }
}
