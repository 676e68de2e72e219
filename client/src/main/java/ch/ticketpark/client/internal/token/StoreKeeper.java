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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.logging.Logger;

import ch.ticketpark.client.internal.Messages;
import ch.ticketpark.client.internal.resilience.Backoff;
import ch.ticketpark.client.spi.LockingTokenStore;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;

/**
 * The token chain's side of the {@link TokenStore}: reads it within a request's deadline, holds its claim around an
 * attempt, and stores what the chain holds by compare-and-set on the version it last read or wrote. A store that
 * fails never stops the chain: the tokens stay in use in memory and are stored again later, one save at a time and
 * always the newest. Nothing the store throws escapes, and nothing it says is logged (only its type: its message
 * might quote a token).
 */
final class StoreKeeper {

    private static final Logger LOG = Logger.getLogger(StoreKeeper.class.getName());
    /** How long a claimed save may take before another caller claims it again. */
    private static final Duration SAVE_CLAIM = Duration.ofMinutes(1);
    /** How often in a row a save may find the state replaced by an older one before it counts as failed. */
    static final int MAX_REPLACED = 3;

    private final TokenStore store;
    private final Executor executor;
    private final Clock clock;
    private final Backoff backoff;
    private final AtomicReference<TokenState> state;
    private final Predicate<String> spentByThisClient;
    private final Object saveLock = new Object();
    /** The state the store holds, as far as this client knows ({@code null}: nothing, or not known yet). */
    private volatile StoredTokens stored;
    /** Failed saves in a row. */
    private final AtomicInteger saveFailures = new AtomicInteger();

    /**
     * @param spentByThisClient whether a refresh token is one this client spent (rotated away): a stored state that
     *        holds one is older than the chain's, never taken
     */
    StoreKeeper(TokenStore store, Executor executor, Clock clock, Backoff backoff, AtomicReference<TokenState> state,
            Predicate<String> spentByThisClient) {
        this.spentByThisClient = spentByThisClient;
        this.store = store;
        this.executor = executor;
        this.clock = clock;
        this.backoff = backoff;
        this.state = state;
    }

    /** What the store answered: whether it could be read, and the state it holds, if any. */
    record Loaded(boolean ok, Optional<StoredTokens> tokens) {

        static final Loaded FAILED = new Loaded(false, Optional.empty());

        Optional<String> refreshToken() {
            return tokens.map(StoredTokens::refreshToken);
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
            return new Loaded(true, Objects.requireNonNull(store.load(), "load() returned null"));
        } catch (Throwable e) {
            LOG.warning(Messages.tokenStoreLoadFailed(e));
            return Loaded.FAILED;
        }
    }

    /** The store holds this state (it was just read from it, or written): the next save is based on it. */
    void markStored(StoredTokens tokens) {
        stored = tokens; // no lock: nothing must wait for a slow save here
    }

    TokenStore store() {
        return store;
    }

    /** The state the store holds, as far as this client knows, if any. */
    Optional<StoredTokens> known() {
        return Optional.ofNullable(stored);
    }

    /** The version of the state the store holds, as far as this client knows; 0 for none. */
    private long version() {
        StoredTokens known = stored;
        return known == null ? 0 : known.version();
    }

    /**
     * Claims a {@link LockingTokenStore} for one attempt, on the attempt's thread, waiting at most {@code wait} for
     * another holder; any other store is not held. A store that fails to claim is logged and gives an unheld claim:
     * the attempt goes out without it (a store that is down must not stop the tokens).
     */
    Hold hold(Duration wait) {
        if (!(store instanceof LockingTokenStore locking)) {
            return new Hold(null, Optional.empty(), true);
        }
        try {
            Optional<LockingTokenStore.Claim> claim = Objects.requireNonNull(locking.claim(wait),
                    "claim() returned null");
            if (claim.isEmpty()) {
                return new Hold(null, Optional.empty(), false);
            }
            Optional<StoredTokens> current;
            try {
                current = Objects.requireNonNull(claim.get().current(), "current() returned null");
            } catch (Throwable e) {
                closeQuietly(claim.get());
                throw e;
            }
            return new Hold(claim.get(), current, true);
        } catch (Throwable e) {
            LOG.warning(Messages.tokenStoreClaimFailed(e));
            return new Hold(null, Optional.empty(), true);
        }
    }

    private static void closeQuietly(LockingTokenStore.Claim claim) {
        try {
            claim.close();
        } catch (Throwable e) {
            LOG.warning(Messages.tokenStoreClaimFailed(e));
        }
    }

    /** How storing an answer ended. */
    enum Stored {
        /** The store holds it. */
        SAVED,
        /** Another server or process replaced the state this client knew: the store holds another one. */
        REPLACED,
        /** The store failed: it is saved again later. */
        FAILED
    }

    /**
     * The store, held (or not) for one attempt. What it stores is based on the version the claim read, or this
     * client's last known one without a claim.
     */
    final class Hold implements AutoCloseable {

        private final LockingTokenStore.Claim claim;
        private final Optional<StoredTokens> current;
        private final boolean granted;
        /** The version the next store is based on: the claim's, then whatever replaced it. */
        private long base;

        private Hold(LockingTokenStore.Claim claim, Optional<StoredTokens> current, boolean granted) {
            this.claim = claim;
            this.current = current;
            this.granted = granted;
            this.base = claim != null ? current.map(StoredTokens::version).orElse(0L) : -1;
        }

        /** Whether the attempt may go out: the claim was granted, or the store could not claim at all. */
        boolean granted() {
            return granted;
        }

        /** The state the claim read, if the store holds a newer one than this client knows (another wrote it). */
        Optional<StoredTokens> newer() {
            return current.filter(tokens -> tokens.version() > version());
        }

        /**
         * Stores the chain's new state before any caller gets its access token: through the claim, on the version the
         * claim read (or the last known one); after {@link Stored#REPLACED}, a second call stores on the version that
         * replaced it. A failure is logged and saved again soon; what the store then holds is learnt at the next claim
         * or save.
         */
        Stored store(String refreshToken, Token token) {
            if (store == TokenManager.NO_STORE) {
                return Stored.SAVED;
            }
            long expected = base >= 0 ? base : version();
            StoredTokens next = toStored(refreshToken, token, expected + 1);
            try {
                boolean saved = claim != null
                        ? claim.compareAndSet(expected, next)
                        : store.compareAndSet(expected, next);
                if (saved) {
                    markStored(next);
                    saveFailures.set(0);
                    return Stored.SAVED;
                }
                StoredTokens replacing = loadReplacing();
                markStored(replacing);
                base = replacing.version();
                return Stored.REPLACED;
            } catch (Throwable e) {
                saveFailed(e);
                return Stored.FAILED;
            }
        }

        @Override
        public void close() {
            if (claim != null) {
                closeQuietly(claim);
            }
        }
    }

    /** The state as the store keeps it: the access token only while it may still be handed out. */
    private StoredTokens toStored(String refreshToken, Token token, long version) {
        return token != null && !token.rejected() && !token.isExpired(clock.instant())
                ? new StoredTokens(refreshToken, token.accessToken(), token.sentAt(), token.expiresAt(), version)
                : StoredTokens.ofRefreshToken(refreshToken, version);
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

    /** Saves the newest state one last time, on the closing thread, if a save is pending. */
    void saveBeforeClosing() {
        if (state.get().saveRetryAt() != null) {
            saveNewest();
        }
    }

    /**
     * Saves the newest state, unless the store holds its refresh token already. One save at a time, always of the
     * newest, so the store never goes back to an older one. If another server or process replaced the state
     * meanwhile with a refresh token this client has not spent, the store's state wins: its refresh token is the one
     * to use next; if it holds one this client spent (an older state), the newest is saved over it.
     */
    private void saveNewest() {
        synchronized (saveLock) {
            TokenState current = state.get();
            String newest = current.refreshToken();
            StoredTokens known = stored;
            if (newest == null || known != null && newest.equals(known.refreshToken())) {
                state.updateAndGet(now -> now.saveRetryAt() == null ? now : now.withSaveRetryAt(null));
                return;
            }
            try {
                String settled = saveOver(newest, current.token());
                saveFailures.set(0);
                state.updateAndGet(now -> Objects.equals(now.refreshToken(), settled) || now.saveRetryAt() == null
                        ? now.withSaveRetryAt(null)
                        : now);
            } catch (Throwable e) {
                saveFailed(e);
            }
        }
    }

    /** @return the refresh token the store holds afterwards: the newest, or one another stored that wins */
    private String saveOver(String newest, Token token) {
        for (int tries = 0; tries < MAX_REPLACED; tries++) {
            StoredTokens next = toStored(newest, token, version() + 1);
            if (store.compareAndSet(version(), next)) {
                markStored(next);
                return newest;
            }
            StoredTokens replacing = loadReplacing();
            markStored(replacing);
            if (replacing.refreshToken().equals(newest)) {
                return newest;
            }
            if (!spentByThisClient.test(replacing.refreshToken())) {
                return adoptReplaced(newest, replacing);
            }
            // an older state of this client's, stored late: the newest goes over it
        }
        throw replacedTooOftenFailure();
    }

    /** A store that keeps replacing the state with older ones: what is in memory is saved again later. */
    void replacedTooOften() {
        saveFailed(replacedTooOftenFailure());
    }

    private static IllegalStateException replacedTooOftenFailure() {
        return new IllegalStateException("the state was replaced " + MAX_REPLACED + " times in a row");
    }

    /** The state that replaced the one this client knew. */
    private StoredTokens loadReplacing() {
        return store.load().orElseThrow(() -> new IllegalStateException("the stored state changed and then vanished"));
    }

    /**
     * The store holds a state this client did not write: its refresh token replaces {@code unsaved}.
     *
     * @return the store's refresh token
     */
    private String adoptReplaced(String unsaved, StoredTokens tokens) {
        state.updateAndGet(now -> Objects.equals(now.refreshToken(), unsaved)
                ? now.withRefreshToken(tokens.refreshToken())
                : now);
        LOG.info(Messages.storeReplacedUnsaved());
        return tokens.refreshToken();
    }

    private void saveFailed(Throwable failure) {
        int failures = saveFailures.incrementAndGet();
        Instant retryAt = clock.instant().plus(backoff.ceiling(failures));
        state.updateAndGet(current -> current.withSaveRetryAt(retryAt));
        LOG.severe(Messages.tokenStoreSaveFailed(failure, failures, retryAt));
    }
}
