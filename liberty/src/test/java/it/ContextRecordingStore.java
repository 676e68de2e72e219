package it;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.context.ApplicationScoped;

import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;

/**
 * A token store that needs the application's context, as one that looks up its {@code DataSource} would: it records,
 * for each save, whether {@code java:comp} resolved on the thread the client called it from.
 */
@ApplicationScoped
public class ContextRecordingStore implements TokenStore {

    private final List<String> saves = new CopyOnWriteArrayList<>();

    @Override
    public Optional<StoredTokens> load() {
        return Optional.empty();
    }

    @Override
    public boolean compareAndSet(long expectedVersion, StoredTokens next) {
        try {
            InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
            saves.add("java:comp resolved");
        } catch (NamingException e) {
            saves.add("java:comp failed on " + Thread.currentThread().getName() + ": " + e);
        }
        return true;
    }

    public List<String> saves() {
        return saves;
    }
}
