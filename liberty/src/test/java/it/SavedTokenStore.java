package it;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;

/**
 * An application's token store, as if an earlier run had saved a refresh token: it obtains one from the sandbox
 * when first asked, and records what the client saves.
 */
@ApplicationScoped
public class SavedTokenStore implements TokenStore {

    private final List<String> saved = new CopyOnWriteArrayList<>();
    private volatile String loaded;

    @Override
    public Optional<StoredTokens> load() {
        loaded = Sandbox.refreshTokenFromPasswordGrant();
        return Optional.of(StoredTokens.ofRefreshToken(loaded, 1));
    }

    @Override
    public boolean compareAndSet(long expectedVersion, StoredTokens next) {
        String refreshToken = next.refreshToken();
        saved.add(refreshToken);
        return true;
    }

    public String loaded() {
        return loaded;
    }

    public List<String> saved() {
        return saved;
    }
}
