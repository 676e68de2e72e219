package ch.ticketpark.client.support;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;

/**
 * A token store whose loads are scripted by their number (1, 2, …) and whose saves may block or throw anything,
 * checked exceptions and errors included (as a Kotlin or Lombok {@code @SneakyThrows} store may); it records every
 * save that returned.
 */
public final class RecordingStore implements TokenStore {

    /** What the n-th {@code load()} does. */
    @FunctionalInterface
    public interface Load {

        Optional<String> load(int number) throws Exception;
    }

    /** What {@code save()} does before the save counts as made. */
    @FunctionalInterface
    public interface Save {

        void save(String refreshToken) throws Exception;
    }

    private final AtomicInteger loaded = new AtomicInteger();
    private final AtomicInteger failingSaves = new AtomicInteger();
    private volatile Load loads;
    private volatile Save onSave = refreshToken -> {
    };
    private volatile Supplier<? extends Throwable> saveFailure;
    /** The refresh tokens of the saves that returned, in order. */
    public final List<String> saved = new CopyOnWriteArrayList<>();

    /** A store that holds this refresh token ({@code null}: none) and loads it every time. */
    public RecordingStore(String stored) {
        this.loads = number -> Optional.ofNullable(stored);
    }

    /** A store whose n-th load does what the script says for n. */
    public static RecordingStore scripted(Load loads) {
        return new RecordingStore(null).loads(loads);
    }

    /** Sets what each later {@code load()} does. */
    public RecordingStore loads(Load script) {
        this.loads = script;
        return this;
    }

    /** Sets what each later {@code save()} does first; a save that throws is not recorded. */
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

    private final AtomicInteger version = new AtomicInteger();

    @Override
    public Optional<StoredTokens> load() {
        try {
            return loads.load(loaded.incrementAndGet())
                    .map(refreshToken -> StoredTokens.ofRefreshToken(refreshToken, version.get() + 1));
        } catch (Exception e) {
            throw RecordingStore.<RuntimeException>sneaky(e);
        }
    }

    @Override
    public boolean compareAndSet(long expectedVersion, StoredTokens next) {
        save(next.refreshToken());
        version.incrementAndGet();
        return true;
    }

    private void save(String refreshToken) {
        try {
            onSave.save(refreshToken);
        } catch (Exception e) {
            throw RecordingStore.<RuntimeException>sneaky(e);
        }
        if (failingSaves.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw RecordingStore.<RuntimeException>sneaky(saveFailure.get());
        }
        saved.add(refreshToken);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable e) throws T {
        throw (T) e;
    }
}
