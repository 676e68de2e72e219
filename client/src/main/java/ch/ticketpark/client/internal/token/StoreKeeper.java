package ch.ticketpark.client.internal.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;

import ch.ticketpark.client.internal.Messages;
import ch.ticketpark.client.internal.resilience.Backoff;
import ch.ticketpark.client.spi.LockingTokenStore;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;

/**
 * The token chain's side of the {@link TokenStore}: reads it within a share of a request's deadline, holds its claim
 * around an attempt, and stores what the chain holds by compare-and-set on the version it last read or wrote. What
 * this client stores is always its newest state: an answer is stored and then published under one lock, which a
 * save retry takes too, so a retry never writes a refresh token an answer has just replaced. A store that fails never
 * stops the chain: the tokens stay in use in memory and are stored again later. Nothing the store throws escapes, and
 * nothing it says is logged (only its type: its message might quote a token).
 */
final class StoreKeeper {

    private static final Logger LOG = Logger.getLogger(StoreKeeper.class.getName());
    /** How long a claimed save may take before another caller claims it again. */
    private static final Duration SAVE_CLAIM = Duration.ofMinutes(1);
    /** How often in a row a store may find the state replaced before it counts as failed. */
    static final int MAX_REPLACED = 3;
    /**
     * How many spent refresh tokens are remembered: more rotations than a refresh token lives unused (14 days at
     * Ticketpark) for tokens of a few minutes, so that a store restored from a backup is recognised as old.
     */
    private static final int SPENT_KEPT = 1024;

    private final TokenStore store;
    private final Executor executor;
    private final Clock clock;
    private final Backoff backoff;
    private final AtomicReference<TokenState> state;
    private final Duration claimWait;
    /** Held while this client stores and publishes a state: one writer at a time, always of the newest. */
    private final Object storeLock = new Object();
    /** The state the store holds, as far as this client knows ({@code null}: nothing, or not known yet). */
    private final AtomicReference<StoredTokens> stored = new AtomicReference<>();
    /** The read of the store that has not ended yet, shared by every need meanwhile. */
    private final AtomicReference<CompletableFuture<Loaded>> pendingLoad = new AtomicReference<>();
    /** Failed saves in a row. */
    private final AtomicInteger saveFailures = new AtomicInteger();
    private volatile String lastSaveFailure;
    /**
     * The last refresh tokens this client spent (rotated away), as hashes: never sent again, wherever they come from.
     */
    private final Set<String> spent = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {

        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > SPENT_KEPT;
        }
    }));

    /** @param claimWait how long a save retry waits for the store's claim */
    StoreKeeper(TokenStore store, Executor executor, Clock clock, Backoff backoff, AtomicReference<TokenState> state,
            Duration claimWait) {
        this.claimWait = claimWait;
        this.store = store;
        this.executor = executor;
        this.clock = clock;
        this.backoff = backoff;
        this.state = state;
    }

    /** What the store answered: whether it could be read, and the state it holds, if any. */
    record Loaded(boolean ok, Optional<StoredTokens> tokens) {

        static final Loaded FAILED = new Loaded(false, Optional.empty());
    }

    /**
     * Reads the store on the executor for at most half of what is left until {@code deadline}, so that a slow store
     * leaves the request time to obtain a token; a read that has not ended yet is joined, not started again (a store
     * that does nothing is read in place).
     */
    Loaded load(Instant deadline) {
        if (store == TokenManager.NO_STORE) {
            return new Loaded(true, Optional.empty());
        }
        CompletableFuture<Loaded> loaded = pendingLoad.get();
        if (loaded == null || loaded.isDone()) {
            CompletableFuture<Loaded> mine = new CompletableFuture<>();
            if (!pendingLoad.compareAndSet(loaded, mine)) {
                return load(deadline);
            }
            try {
                executor.execute(() -> mine.complete(loadNow()));
            } catch (RuntimeException | Error e) {
                mine.complete(Loaded.FAILED);
                LOG.warning(Messages.noThread(e));
                return Loaded.FAILED;
            }
            loaded = mine;
        }
        Duration share = Duration.between(clock.instant(), deadline).dividedBy(2);
        try {
            return loaded.get(Math.max(0, share.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LOG.warning(Messages.tokenStoreTooSlow(share));
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

    /**
     * A read of the store (not under the claim) found this state: the next save is based on it, unless this client
     * knows a newer version already (a read that ended late never takes the known version back).
     */
    void markStored(StoredTokens tokens) {
        stored.accumulateAndGet(tokens,
                (known, read) -> known != null && known.version() > read.version() ? known : read);
    }

    /**
     * The store holds this state now: read under the claim, or just written. It replaces what this client knew, also
     * with a lower version (the store started again: its file or row was deleted, or restored).
     */
    private void markHeld(StoredTokens tokens) {
        stored.set(tokens);
    }

    /** This client's chain moved past {@code refreshToken}: it is never sent again, wherever it comes from. */
    void spend(String refreshToken) {
        spent.add(hash(refreshToken));
    }

    boolean isSpent(String refreshToken) {
        return spent.contains(hash(refreshToken));
    }

    /** A spent token is kept as its SHA-256, so that a heap dump shows no refresh token the chain is done with. */
    private static String hash(String refreshToken) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(refreshToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Whether {@code tokens}, which the store holds, are another server's or process's: not what this client last
     * knew the store to hold (version and refresh token), nor a refresh token it spent.
     */
    private boolean isAnothers(StoredTokens tokens) {
        StoredTokens known = stored.get();
        boolean knownAlready = known != null && known.version() == tokens.version()
                && known.refreshToken().equals(tokens.refreshToken());
        return !knownAlready && !isSpent(tokens.refreshToken());
    }

    /** The store as messages may name it: a built-in store by where it keeps the tokens, another by its class only. */
    String describeStore() {
        return TokenStores.isBuiltIn(store) ? store.toString() : store.getClass().getName();
    }

    /** For the tests: the state the store holds, as far as this client knows, if any. */
    Optional<StoredTokens> known() {
        return Optional.ofNullable(stored.get());
    }

    /** Runs {@code storeAndPublish} as the one writer of this client: no save retry runs meanwhile. */
    <T> T exclusively(Supplier<T> storeAndPublish) {
        synchronized (storeLock) {
            return storeAndPublish.get();
        }
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
        /** The store holds another's state, which the chain took instead (a pending save only). */
        TAKEN,
        /** The store failed, or kept replacing the state: it is saved again later. */
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

        private Hold(LockingTokenStore.Claim claim, Optional<StoredTokens> current, boolean granted) {
            this.claim = claim;
            this.current = current;
            this.granted = granted;
        }

        /** Whether the attempt may go out: the claim was granted, or the store could not claim at all. */
        boolean granted() {
            return granted;
        }

        /**
         * The state the claim read, if it is another's: another server or process stored it since this client last
         * read or wrote the store, and it is no refresh token this client spent. It is the store's state now, whatever
         * its version says.
         */
        Optional<StoredTokens> newer() {
            Optional<StoredTokens> anothers = current.filter(StoreKeeper.this::isAnothers);
            anothers.ifPresent(StoreKeeper.this::markHeld);
            return anothers;
        }

        /**
         * Stores the chain's new state before any caller gets its access token (call it {@link #exclusively}), through
         * the claim on the version the claim read, or on the last known one. If another server or process replaced
         * the state meanwhile, the answer is stored over it: it is the newest there is. A failure is logged and saved
         * again soon.
         */
        Stored store(String refreshToken, Token token) {
            if (store == TokenManager.NO_STORE) {
                return Stored.SAVED;
            }
            try {
                return write(claim, claim != null ? current : Optional.ofNullable(stored.get()), refreshToken, token,
                        false);
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

    /**
     * Writes the state by compare-and-set on the version {@code present} holds, through the claim if there is one. A
     * state found replaced meanwhile is read and written over (an answer is the newest there is), or, with
     * {@code yieldToAnothers} (a pending save of an older answer), taken if it is another's; and if it holds
     * {@code refreshToken} already, nothing is written.
     */
    private Stored write(LockingTokenStore.Claim claim, Optional<StoredTokens> present, String refreshToken,
            Token token, boolean yieldToAnothers) {
        Optional<StoredTokens> found = present;
        for (int tries = 0; tries < MAX_REPLACED; tries++) {
            if (yieldToAnothers && found.isPresent()) {
                if (found.get().refreshToken().equals(refreshToken)) {
                    markHeld(found.get()); // an earlier save that failed had landed after all
                    saveFailures.set(0);
                    return Stored.SAVED;
                }
                if (isAnothers(found.get())) {
                    takeAnothers(refreshToken, found.get());
                    return Stored.TAKEN;
                }
            }
            long expected = found.map(StoredTokens::version).orElse(0L);
            StoredTokens next = toStored(refreshToken, token, Math.addExact(expected, 1));
            boolean saved = claim != null ? claim.compareAndSet(expected, next) : store.compareAndSet(expected, next);
            if (saved) {
                markHeld(next);
                saveFailures.set(0);
                return Stored.SAVED;
            }
            found = Optional.of(store.load()
                    .orElseThrow(() -> new IllegalStateException("the stored state changed and then vanished")));
        }
        throw replacedTooOften();
    }

    private static IllegalStateException replacedTooOften() {
        return new IllegalStateException("the state was replaced " + MAX_REPLACED + " times in a row");
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
     * Saves the newest state, under the store's claim (taken first, as an attempt takes it) and as the one writer of
     * this client, so that no answer is stored and published meanwhile and the store never goes back to a refresh
     * token this client replaced. It is based on what the store holds now (read through the claim, or read now):
     * nothing is written if that holds the newest refresh token already (an earlier save that failed had landed after
     * all), nor over another server's or process's state, which is taken instead, for it has rotated past this
     * client's, or will. A state this client spent or last knew there is saved over.
     */
    private void saveNewest() {
        try (Hold hold = hold(claimWait)) {
            if (!hold.granted()) {
                saveFailed(new IllegalStateException("the claim was not granted within " + claimWait));
                return;
            }
            synchronized (storeLock) {
                TokenState current = state.get();
                String newest = current.refreshToken();
                StoredTokens known = stored.get();
                if (newest == null || known != null && newest.equals(known.refreshToken())) {
                    saved(newest);
                    return;
                }
                try {
                    Optional<StoredTokens> present = hold.claim != null
                            ? hold.current
                            : Objects.requireNonNull(store.load(), "load() returned null");
                    if (write(hold.claim, present, newest, current.token(), true) == Stored.SAVED) {
                        saved(newest);
                    }
                } catch (Throwable e) {
                    saveFailed(e);
                }
            }
        }
    }

    /** The save of {@code newest} is done: no retry is pending for it any more. */
    private void saved(String newest) {
        state.updateAndGet(now -> now.saveRetryAt() != null && Objects.equals(now.refreshToken(), newest)
                ? now.withSaveRetryAt(null)
                : now);
    }

    /**
     * A pending save found another's state in the store: the chain goes on with its refresh token (its own access
     * token, which stays valid until it expires, is kept until then), and {@code newest} is never sent again. The
     * state is not marked as known, so that the next claim takes its access token as well, instead of refreshing.
     */
    private void takeAnothers(String newest, StoredTokens anothers) {
        saveFailures.set(0);
        TokenState before = state.getAndUpdate(now -> Objects.equals(now.refreshToken(), newest)
                ? now.withRefreshToken(anothers.refreshToken()).withSaveRetryAt(null)
                : now);
        if (Objects.equals(before.refreshToken(), newest)) {
            spend(newest);
            LOG.info(Messages.storeHadNewerState());
        }
    }

    private void saveFailed(Throwable failure) {
        int failures = saveFailures.incrementAndGet();
        Instant retryAt = clock.instant().plus(backoff.ceiling(failures));
        state.updateAndGet(current -> current.withSaveRetryAt(retryAt));
        String message = Messages.tokenStoreSaveFailed(failure, failures, retryAt);
        lastSaveFailure = message;
        LOG.severe(message);
    }

    /** The message of the last failed save; {@code null} if none failed. */
    String lastSaveFailure() {
        return lastSaveFailure;
    }
}
