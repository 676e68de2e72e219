package it;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

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
    public Optional<String> load() {
        loaded = Sandbox.refreshTokenFromPasswordGrant();
        return Optional.of(loaded);
    }

    @Override
    public void save(String refreshToken) {
        saved.add(refreshToken);
    }

    public String loaded() {
        return loaded;
    }

    public List<String> saved() {
        return saved;
    }
}
