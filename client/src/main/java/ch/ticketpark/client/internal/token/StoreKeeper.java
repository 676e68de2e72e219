package ch.ticketpark.client.internal.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import ch.ticketpark.client.internal.Messages;
import ch.ticketpark.client.internal.resilience.Backoff;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;

/**
 * The token chain's side of the application's {@link TokenStore}: reads it within a request's deadline and saves the
 * newest refresh token, both on the executor (a slow store never holds a request), one save at a time and never an
 * older token after a newer one; a failed save, or one that never ran, is retried. Nothing the store throws escapes,
 * and nothing it says is logged (only its type: its message might quote a token).
 */
final class StoreKeeper {

    private static final Logger LOG = Logger.getLogger(StoreKeeper.class.getName());
    /** How long a claimed save may take before another caller claims it again. */
    private static final Duration SAVE_CLAIM = Duration.ofMinutes(1);

    private final TokenStore store;
    private final Executor executor;
    private final Clock clock;
    private final Backoff backoff;
    private final AtomicReference<TokenState> state;
    private final Object saveLock = new Object();
    /** The refresh token the store holds, as far as this client knows; written under {@link #saveLock}. */
    private volatile String saved;
    /** Failed saves in a row; guarded by {@link #saveLock}. */
    private int saveFailures;
    /** The version of the state the store holds, as far as this client knows. */
    private volatile long version;

    StoreKeeper(TokenStore store, Executor executor, Clock clock, Backoff backoff, AtomicReference<TokenState> state) {
        this.store = store;
        this.executor = executor;
        this.clock = clock;
        this.backoff = backoff;
        this.state = state;
    }

    /** What the store answered: whether it could be read, and the refresh token it holds, if any. */
    record Loaded(boolean ok, Optional<String> refreshToken) {

        static final Loaded FAILED = new Loaded(false, Optional.empty());

        @Override
        public String toString() {
            return "Loaded[ok=" + ok + ", refreshToken=" + (refreshToken.isPresent() ? "****" : "<none>") + "]";
        }
    }

    /**
     * Reads the store on the executor, so that a slow store holds the request no longer than its deadline (a store
     * that does nothing is read in place).
     */
    Loaded load(Instant deadline) {
        if (store == TokenManager.NO_STORE) {
            return new Loaded(true, Optional.empty());
        }
        CompletableFuture<Loaded> loaded = new CompletableFuture<>();
        try {
            executor.execute(() -> loaded.complete(loadNow()));
        } catch (RuntimeException | Error e) {
            LOG.warning(Messages.noThread(e));
            return Loaded.FAILED;
        }
        Duration left = Duration.between(clock.instant(), deadline);
        try {
            return loaded.get(Math.max(0, left.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LOG.warning(Messages.tokenStoreTooSlow(left));
            return Loaded.FAILED;
        } catch (ExecutionException e) {
            return Loaded.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Loaded.FAILED;
        }
    }

    private Loaded loadNow() {
        try {
            Optional<StoredTokens> stored = store.load();
            stored.ifPresent(tokens -> version = tokens.version());
            return new Loaded(true, stored.map(StoredTokens::refreshToken).map(String::strip)
                    .filter(token -> !token.isEmpty()));
        } catch (Throwable e) {
            LOG.warning(Messages.tokenStoreLoadFailed(e));
            return Loaded.FAILED;
        }
    }

    /** The store holds this refresh token (it was just read from it): no save of it is needed. */
    void markSaved(String refreshToken) {
        saved = refreshToken; // no lock: nothing must wait for a slow save here
    }

    /**
     * Hands the save of the newest refresh token to the executor; claimed before it is handed over, so that if the
     * task never runs, a later call hands it over again.
     */
    void saveSoon() {
        Instant retryAt = clock.instant().plus(SAVE_CLAIM);
        state.updateAndGet(current -> current.withSaveRetryAt(retryAt));
        try {
            executor.execute(this::saveNewest);
        } catch (RuntimeException | Error e) {
            state.updateAndGet(current -> current.withSaveRetryAt(clock.instant()));
        }
    }

    /** Hands one save retry to the executor, claimed by compare-and-set so that one caller does it. */
    void retrySave(TokenState seen, Instant now) {
        if (!state.compareAndSet(seen, seen.withSaveRetryAt(now.plus(SAVE_CLAIM)))) {
            return;
        }
        try {
            executor.execute(this::saveNewest);
        } catch (RuntimeException | Error e) {
            LOG.warning(Messages.noThread(e)); // the claim runs out, and the next call tries again
        }
    }

    /** Saves the newest refresh token one last time, on the closing thread, if a save is pending. */
    void saveBeforeClosing() {
        if (state.get().saveRetryAt() != null) {
            saveNewest();
        }
    }

    /**
     * Saves the newest refresh token, unless the store holds it already. One save at a time, always of the newest,
     * so the store never goes back to an older one; the token in memory stays in use whatever the store throws.
     */
    private void saveNewest() {
        synchronized (saveLock) {
            String newest = state.get().refreshToken();
            if (newest == null || newest.equals(saved)) {
                state.updateAndGet(current -> current.saveRetryAt() == null ? current : current.withSaveRetryAt(null));
                return;
            }
            Throwable failure = saveNow(newest);
            if (failure == null) {
                saved = newest;
                saveFailures = 0;
                state.updateAndGet(current -> Objects.equals(current.refreshToken(), newest)
                        ? current.withSaveRetryAt(null)
                        : current);
                return;
            }
            saveFailures++;
            Instant retryAt = clock.instant().plus(backoff.ceiling(saveFailures));
            state.updateAndGet(current -> current.withSaveRetryAt(retryAt));
            LOG.severe(Messages.tokenStoreSaveFailed(failure, saveFailures, retryAt));
        }
    }

    /** @return what the store threw, or {@code null} if it saved */
    private Throwable saveNow(String refreshToken) {
        try {
            long expected = version;
            if (!store.compareAndSet(expected, StoredTokens.ofRefreshToken(refreshToken, expected + 1))) {
                expected = store.load().map(StoredTokens::version).orElse(0L);
                if (!store.compareAndSet(expected, StoredTokens.ofRefreshToken(refreshToken, expected + 1))) {
                    return new IllegalStateException("replaced meanwhile");
                }
            }
            version = expected + 1;
            return null;
        } catch (Throwable e) {
            return e;
        }
    }
}
