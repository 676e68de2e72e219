package ch.ticketpark.client.support;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import ch.ticketpark.client.spi.LockingTokenStore;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;

/**
 * A token store with real compare-and-set on its versions, whose loads may be scripted by their number (1, 2, …) as if
 * another server stored a refresh token, and whose saves may block or throw anything, checked exceptions and errors
 * included (as a Kotlin or Lombok {@code @SneakyThrows} store may); it records every state it stored.
 */
public final class RecordingStore implements TokenStore {

    /** What the n-th {@code load()} finds: a refresh token another server stored (a new version), or none. */
    @FunctionalInterface
    public interface Load {

        Optional<String> load(int number) throws Exception;
    }

    /** What {@code compareAndSet()} does before it compares. */
    @FunctionalInterface
    public interface Save {

        void save(String refreshToken) throws Exception;
    }

    /** What the locking view's {@code claim()} does instead of granting its own claim. */
    @FunctionalInterface
    public interface ClaimAction {

        Optional<LockingTokenStore.Claim> claim(Duration wait) throws Exception;
    }

    private final AtomicInteger loaded = new AtomicInteger();
    private final AtomicInteger failingSaves = new AtomicInteger();
    private volatile Load loads;
    private volatile Save onSave = refreshToken -> {
    };
    private volatile Supplier<? extends Throwable> saveFailure;
    private volatile ClaimAction claims;
    /** The claims the locking view granted, and closed. */
    public final AtomicInteger claimsOpened = new AtomicInteger();
    public final AtomicInteger claimsClosed = new AtomicInteger();
    private StoredTokens current;
    /** The refresh tokens of the states stored, in order. */
    public final List<String> saved = new CopyOnWriteArrayList<>();
    /** The states stored, in order. */
    public final List<StoredTokens> states = new CopyOnWriteArrayList<>();

    /** A store that holds this refresh token ({@code null}: none) as version 1, and loads what it holds. */
    public RecordingStore(String stored) {
        this.current = stored == null ? null : StoredTokens.ofRefreshToken(stored, 1);
    }

    /** A store whose n-th load finds what the script says for n. */
    public static RecordingStore scripted(Load loads) {
        return new RecordingStore(null).loads(loads);
    }

    /** Sets what each later {@code load()} finds. */
    public RecordingStore loads(Load script) {
        this.loads = script;
        return this;
    }

    /** Sets what each later {@code compareAndSet()} does first; one that throws stores nothing. */
    public RecordingStore onSave(Save action) {
        this.onSave = action;
        return this;
    }

    /** The next {@code times} saves throw what {@code failure} supplies, after {@link #onSave(Save)} ran. */
    public RecordingStore failSaves(int times, Supplier<? extends Throwable> failure) {
        saveFailure = failure;
        failingSaves.set(times);
        return this;
    }

    /** Sets what each later {@code claim()} of the {@link #locking() locking view} does; {@code null}: its own. */
    public RecordingStore claims(ClaimAction action) {
        this.claims = action;
        return this;
    }

    /** Replaces the state as another server would (one version up). */
    public synchronized StoredTokens storedByAnother(String refreshToken) {
        current = StoredTokens.ofRefreshToken(refreshToken, version() + 1);
        return current;
    }

    /** Replaces the state as another server would, with whatever it obtained. */
    public synchronized StoredTokens storedByAnother(StoredTokens tokens) {
        current = tokens;
        return current;
    }

    /** What it holds now. */
    public synchronized Optional<StoredTokens> current() {
        return Optional.ofNullable(current);
    }

    private long version() {
        return current == null ? 0 : current.version();
    }

    @Override
    public Optional<StoredTokens> load() {
        Load script = loads;
        if (script == null) {
            return current();
        }
        Optional<String> found;
        try {
            found = script.load(loaded.incrementAndGet());
        } catch (Exception e) {
            throw RecordingStore.<RuntimeException>sneaky(e);
        }
        synchronized (this) {
            if (found.isEmpty()) {
                return Optional.empty();
            }
            if (current == null || !current.refreshToken().equals(found.get())) {
                storedByAnother(found.get());
            }
            return Optional.of(current);
        }
    }

    @Override
    public boolean compareAndSet(long expectedVersion, StoredTokens next) {
        try {
            onSave.save(next.refreshToken());
        } catch (Exception e) {
            throw RecordingStore.<RuntimeException>sneaky(e);
        }
        if (failingSaves.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw RecordingStore.<RuntimeException>sneaky(saveFailure.get());
        }
        synchronized (this) {
            if (version() != expectedVersion || next.version() != expectedVersion + 1) {
                return false;
            }
            current = next;
        }
        saved.add(next.refreshToken());
        states.add(next);
        return true;
    }

    /**
     * A claim of the {@link #locking() locking view}, granted at once: it reads what the store holds now, stores
     * through {@link #compareAndSet}, and is counted when opened and closed.
     */
    public LockingTokenStore.Claim ownClaim() {
        claimsOpened.incrementAndGet();
        Optional<StoredTokens> read = current();
        return new LockingTokenStore.Claim() {

            @Override
            public Optional<StoredTokens> current() {
                return read;
            }

            @Override
            public boolean compareAndSet(long expectedVersion, StoredTokens next) {
                return RecordingStore.this.compareAndSet(expectedVersion, next);
            }

            @Override
            public void close() {
                claimsClosed.incrementAndGet();
            }
        };
    }

    /**
     * The same store as a {@link LockingTokenStore}: its claim reads what the store holds (not through the scripted
     * loads) and stores through {@link #compareAndSet}; it does not exclude other claims, and records how many were
     * opened and closed.
     */
    public LockingTokenStore locking() {
        RecordingStore store = this;
        return new LockingTokenStore() {

            @Override
            public Optional<StoredTokens> load() {
                return store.load();
            }

            @Override
            public boolean compareAndSet(long expectedVersion, StoredTokens next) {
                return store.compareAndSet(expectedVersion, next);
            }

            @Override
            public Optional<Claim> claim(Duration wait) {
                ClaimAction action = claims;
                if (action != null) {
                    try {
                        return action.claim(wait);
                    } catch (Exception e) {
                        throw RecordingStore.<RuntimeException>sneaky(e);
                    }
                }
                return Optional.of(ownClaim());
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable e) throws T {
        throw (T) e;
    }
}
