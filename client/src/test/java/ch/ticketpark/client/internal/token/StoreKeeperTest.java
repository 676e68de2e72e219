package ch.ticketpark.client.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.internal.resilience.Backoff;
import ch.ticketpark.client.support.MutableClock;
import ch.ticketpark.client.support.RecordingStore;

class StoreKeeperTest {

    /** Ceilings 1 s, 2 s, 4 s, … */
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(10), () -> 0.5);
    private static final Duration CLAIM = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock();
    private final AtomicReference<TokenState> state = new AtomicReference<>(TokenState.initial("refresh-1"));
    private final RecordingStore store = new RecordingStore(null);
    private final List<Runnable> held = new ArrayList<>();

    private StoreKeeper keeper(Executor executor) {
        return new StoreKeeper(store, executor, clock, BACKOFF, state);
    }

    private StoreKeeper direct() {
        return keeper(Runnable::run);
    }

    private StoreKeeper holding() {
        return keeper(held::add);
    }

    private static StoreKeeper.Loaded loaded(String refreshToken) {
        return new StoreKeeper.Loaded(true, Optional.ofNullable(refreshToken));
    }

    @Test
    void withoutAStoreTheLoadSucceedsEmptyWithoutAThread() {
        var keeper = new StoreKeeper(TokenManager.NO_STORE, task -> {
            throw new AssertionError("no thread needed");
        }, clock, BACKOFF, state);

        assertThat(keeper.load(clock.instant())).isEqualTo(loaded(null));
    }

    @Test
    void theLoadedTokenIsStripped() {
        store.loads(load -> Optional.of("  stored  "));
        assertThat(direct().load(clock.instant())).isEqualTo(loaded("stored"));

        store.loads(load -> Optional.empty());
        assertThat(direct().load(clock.instant())).isEqualTo(loaded(null));
    }

    @Test
    void aStoreThatThrowsIsAFailedLoad() {
        store.loads(load -> {
            throw new IllegalStateException("refresh-secret");
        });

        assertThat(direct().load(clock.instant())).isSameAs(StoreKeeper.Loaded.FAILED);
    }

    @Test
    void noThreadIsAFailedLoad() {
        var keeper = keeper(task -> {
            throw new RejectedExecutionException();
        });

        assertThat(keeper.load(clock.instant().plusSeconds(10))).isSameAs(StoreKeeper.Loaded.FAILED);
    }

    @Test
    void aLoadThatDoesNotEndByTheDeadlineFails() {
        assertThat(holding().load(clock.instant())).isSameAs(StoreKeeper.Loaded.FAILED);
        assertThat(holding().load(clock.instant().minusSeconds(1))).isSameAs(StoreKeeper.Loaded.FAILED);
        assertThat(held).hasSize(2);
    }

    @Test
    void anInterruptedLoadFailsAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThat(holding().load(clock.instant().plusSeconds(10))).isSameAs(StoreKeeper.Loaded.FAILED);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void loadedMasksTheToken() {
        assertThat(loaded("refresh-secret").toString()).doesNotContain("refresh-secret").contains("****")
                .contains("ok=true");
        assertThat(StoreKeeper.Loaded.FAILED.toString()).contains("ok=false").contains("<none>");
    }

    @Test
    void saveSoonSavesTheNewestTokenAndClearsTheRetry() {
        direct().saveSoon();

        assertThat(store.saved).containsExactly("refresh-1");
        assertThat(state.get().saveRetryAt()).isNull();
    }

    @Test
    void aSaveHandedOverIsClaimedForAMinute() {
        holding().saveSoon();

        assertThat(held).hasSize(1);
        assertThat(state.get().saveRetryAt()).isEqualTo(clock.instant().plus(CLAIM));

        held.get(0).run();
        assertThat(store.saved).containsExactly("refresh-1");
        assertThat(state.get().saveRetryAt()).isNull();
    }

    @Test
    void aSaveWithoutAThreadIsDueAtOnce() {
        keeper(task -> {
            throw new RejectedExecutionException();
        }).saveSoon();

        assertThat(store.saved).isEmpty();
        assertThat(state.get().saveRetryAt()).isEqualTo(clock.instant());
    }

    @Test
    void aTokenTheStoreHoldsIsNotSavedAgain() {
        var keeper = direct();
        keeper.markSaved("refresh-1");
        state.updateAndGet(current -> current.withSaveRetryAt(clock.instant()));

        keeper.saveSoon();

        assertThat(store.saved).isEmpty();
        assertThat(state.get().saveRetryAt()).isNull();
    }

    @Test
    void noRefreshTokenIsNothingToSave() {
        state.set(TokenState.initial(null));

        direct().saveSoon();

        assertThat(store.saved).isEmpty();
        assertThat(state.get().saveRetryAt()).isNull();
    }

    @Test
    void eachTokenIsSavedOnce() {
        var keeper = direct();
        keeper.saveSoon();
        keeper.saveSoon();
        state.updateAndGet(current -> current.withRefreshToken("refresh-2"));
        keeper.saveSoon();

        assertThat(store.saved).containsExactly("refresh-1", "refresh-2");
    }

    @Test
    void failedSavesAreRetriedAfterTheBackoffCeilingAndSuccessResetsIt() {
        var keeper = direct();
        store.failSaves(2, () -> new IllegalStateException("store down"));

        keeper.saveSoon();
        assertThat(state.get().saveRetryAt()).isEqualTo(clock.instant().plusSeconds(1));
        keeper.saveSoon();
        assertThat(state.get().saveRetryAt()).isEqualTo(clock.instant().plusSeconds(2));
        keeper.saveSoon();
        assertThat(state.get().saveRetryAt()).isNull();
        assertThat(store.saved).containsExactly("refresh-1");

        store.failSaves(1, () -> new IllegalStateException("store down"));
        state.updateAndGet(current -> current.withRefreshToken("refresh-2"));
        keeper.saveSoon();
        assertThat(state.get().saveRetryAt()).isEqualTo(clock.instant().plusSeconds(1));
    }

    @Test
    void aTokenReplacedDuringTheSaveStaysToBeSaved() {
        store.onSave(refreshToken -> state.updateAndGet(current -> current.withRefreshToken("refresh-2")));

        direct().saveSoon();

        assertThat(store.saved).containsExactly("refresh-1");
        assertThat(state.get().refreshToken()).isEqualTo("refresh-2");
        assertThat(state.get().saveRetryAt()).isEqualTo(clock.instant().plus(CLAIM));
    }

    @Test
    void aRetryIsClaimedByTheCallerThatSawTheState() {
        var keeper = holding();
        TokenState seen = state.get().withSaveRetryAt(clock.instant());
        state.set(seen);

        keeper.retrySave(seen, clock.instant());
        keeper.retrySave(seen, clock.instant());

        assertThat(held).hasSize(1);
        assertThat(state.get().saveRetryAt()).isEqualTo(clock.instant().plus(CLAIM));
        held.get(0).run();
        assertThat(store.saved).containsExactly("refresh-1");
        assertThat(state.get().saveRetryAt()).isNull();
    }

    @Test
    void aCallerThatSawAnOlderStateLeavesTheRetryToOthers() {
        TokenState seen = state.get().withSaveRetryAt(clock.instant());
        state.set(seen.withRefreshToken("refresh-2"));

        holding().retrySave(seen, clock.instant());

        assertThat(held).isEmpty();
        assertThat(state.get().saveRetryAt()).isEqualTo(clock.instant());
    }

    @Test
    void aRetryWithoutAThreadKeepsItsClaim() {
        TokenState seen = state.get().withSaveRetryAt(clock.instant());
        state.set(seen);
        Instant now = clock.instant().plusSeconds(5);

        keeper(task -> {
            throw new RejectedExecutionException();
        }).retrySave(seen, now);

        assertThat(store.saved).isEmpty();
        assertThat(state.get().saveRetryAt()).isEqualTo(now.plus(CLAIM));
    }

    @Test
    void closingSavesAPendingTokenOnTheClosingThread() {
        var keeper = holding();
        state.updateAndGet(current -> current.withSaveRetryAt(clock.instant()));

        keeper.saveBeforeClosing();

        assertThat(held).isEmpty();
        assertThat(store.saved).containsExactly("refresh-1");
        assertThat(state.get().saveRetryAt()).isNull();
    }

    @Test
    void closingWithNothingPendingSavesNothing() {
        holding().saveBeforeClosing();

        assertThat(store.saved).isEmpty();
    }
}
