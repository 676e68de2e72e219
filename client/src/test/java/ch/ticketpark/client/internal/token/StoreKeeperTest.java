package ch.ticketpark.client.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.ticketpark.client.internal.resilience.Backoff;
import ch.ticketpark.client.spi.LockingTokenStore;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.support.LogCapture;
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

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private StoreKeeper keeper(Executor executor) {
        return new StoreKeeper(store.locking(), executor, clock, BACKOFF, state, Duration.ofSeconds(15));
    }

    private StoreKeeper direct() {
        return keeper(Runnable::run);
    }

    private StoreKeeper holding() {
        return keeper(held::add);
    }

    private static StoreKeeper.Loaded loaded(String refreshToken) {
        return new StoreKeeper.Loaded(true,
                Optional.ofNullable(refreshToken).map(t -> StoredTokens.ofRefreshToken(t, 1)));
    }

    private Token token(String accessToken) {
        return Token.issued(accessToken, Duration.ofMinutes(10), clock.instant(), clock.instant(), null, 1, false);
    }

    @Test
    void withoutAStoreTheLoadSucceedsEmptyWithoutAThread() {
        var keeper = new StoreKeeper(TokenManager.NO_STORE, task -> {
            throw new AssertionError("no thread needed");
        }, clock, BACKOFF, state, Duration.ofSeconds(15));

        assertThat(keeper.load(clock.instant())).isEqualTo(loaded(null));
    }

    @Test
    void theLoadedStateIsWhatTheStoreHolds() {
        store.loads(load -> Optional.of("stored"));
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
    void withoutAStoreTheHoldIsGrantedAndStoringSucceedsWithoutAStore() {
        var keeper = new StoreKeeper(TokenManager.NO_STORE, task -> {
            throw new AssertionError("no thread needed");
        }, clock, BACKOFF, state, Duration.ofSeconds(15));

        try (var hold = keeper.hold(Duration.ofSeconds(1))) {
            assertThat(hold.granted()).isTrue();
            assertThat(hold.newer()).isEmpty();
            assertThat(hold.store("refresh-2", token("access"))).isEqualTo(StoreKeeper.Stored.SAVED);
        }
        assertThat(keeper.known()).isEmpty();
    }

    @Test
    void aPlainStoreIsNotClaimedAndStoresOnTheKnownVersion() {
        var keeper = new StoreKeeper(store, Runnable::run, clock, BACKOFF, state, Duration.ofSeconds(15));
        store.storedByAnother("refresh-5");

        try (var hold = keeper.hold(Duration.ofSeconds(1))) {
            assertThat(hold.granted()).isTrue();
            assertThat(hold.newer()).isEmpty(); // not read: a plain store is read at the first need and on rejection
            // based on version 0, which the store no longer holds: stored over version 1
            assertThat(hold.store("refresh-6", null)).isEqualTo(StoreKeeper.Stored.SAVED);
        }
        assertThat(keeper.known()).map(StoredTokens::refreshToken).contains("refresh-6");
        assertThat(store.states).extracting(StoredTokens::version).containsExactly(2L);
        assertThat(store.claimsOpened).hasValue(0);
    }

    @Test
    void theHoldSeesAStateNewerThanTheKeeperKnows() {
        var keeper = direct();
        StoredTokens another = store.storedByAnother("refresh-9");

        try (var hold = keeper.hold(Duration.ofSeconds(1))) {
            assertThat(hold.newer()).contains(another);
        }
        keeper.markStored(another);
        try (var hold = keeper.hold(Duration.ofSeconds(1))) {
            assertThat(hold.newer()).isEmpty();
        }
    }

    @Test
    void theHoldTakesAnothersStateWhateverItsVersionButNeverOneThisClientSpent() {
        var keeper = direct();
        keeper.markStored(StoredTokens.ofRefreshToken("refresh-7", 7));
        store.storedByAnother((StoredTokens) null); // the file deleted: versions start again
        StoredTokens restarted = store.storedByAnother("refresh-8");
        assertThat(restarted.version()).isEqualTo(1);

        try (var hold = keeper.hold(Duration.ofSeconds(1))) {
            assertThat(hold.newer()).as("version 1 after 7: the store started again").contains(restarted);
        }
        assertThat(keeper.known()).as("what the claim read is what the store holds now").contains(restarted);
        StoredTokens spentByThisClient = store.storedByAnother("refresh-3");
        keeper.spend("refresh-3");
        try (var hold = keeper.hold(Duration.ofSeconds(1))) {
            assertThat(hold.newer()).as("a refresh token this client spent: the store is behind").isEmpty();
        }
        assertThat(spentByThisClient.version()).isEqualTo(2);
    }

    @Test
    void aClaimAnotherHoldsIsNotGrantedAndTheWaitIsPassedOn() {
        List<Duration> waits = new ArrayList<>();
        store.claims(wait -> {
            waits.add(wait);
            return Optional.empty();
        });

        try (var hold = direct().hold(Duration.ofMillis(700))) {
            assertThat(hold.granted()).isFalse();
        }
        assertThat(waits).containsExactly(Duration.ofMillis(700));
    }

    @Test
    void aClaimThatFailsIsLoggedByItsTypeAndTheAttemptGoesOutUnheld() {
        store.claims(wait -> {
            throw new IllegalStateException("refresh-secret");
        });

        try (var hold = direct().hold(Duration.ofSeconds(1))) {
            assertThat(hold.granted()).isTrue();
            assertThat(hold.newer()).isEmpty();
            assertThat(hold.store("refresh-2", null)).isEqualTo(StoreKeeper.Stored.SAVED);
        }
        assertThat(log.withCode("TPC0113")).singleElement()
                .satisfies(r -> assertThat(LogCapture.formatted(r)).contains("IllegalStateException")
                        .doesNotContain("refresh-secret"));
        assertThat(store.states).extracting(StoredTokens::version).containsExactly(1L);
    }

    @Test
    void aClaimWhoseStateCannotBeReadIsClosedAndTheAttemptGoesOutUnheld() {
        AtomicInteger closed = new AtomicInteger();
        store.claims(wait -> Optional.of(new LockingTokenStore.Claim() {

            @Override
            public Optional<StoredTokens> current() {
                throw new IllegalStateException("unreadable");
            }

            @Override
            public boolean compareAndSet(long expectedVersion, StoredTokens next) {
                throw new AssertionError("not through a claim that could not be read");
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        }));

        try (var hold = direct().hold(Duration.ofSeconds(1))) {
            assertThat(hold.granted()).isTrue();
            assertThat(hold.store("refresh-2", null)).isEqualTo(StoreKeeper.Stored.SAVED);
        }
        assertThat(closed).hasValue(1);
        assertThat(log.withCode("TPC0113")).hasSize(1);
    }

    @Test
    void theClaimIsClosedOnceAndAFailingCloseIsOnlyLogged() {
        AtomicInteger closed = new AtomicInteger();
        store.claims(wait -> Optional.of(new LockingTokenStore.Claim() {

            @Override
            public Optional<StoredTokens> current() {
                return Optional.empty();
            }

            @Override
            public boolean compareAndSet(long expectedVersion, StoredTokens next) {
                return store.compareAndSet(expectedVersion, next);
            }

            @Override
            public void close() {
                closed.incrementAndGet();
                throw new IllegalStateException("refresh-secret");
            }
        }));

        direct().hold(Duration.ofSeconds(1)).close();

        assertThat(closed).hasValue(1);
        assertThat(log.withCode("TPC0113")).singleElement()
                .satisfies(r -> assertThat(LogCapture.formatted(r)).doesNotContain("refresh-secret"));
    }

    @Test
    void storingGoesThroughTheClaimOnTheVersionItRead() {
        var keeper = direct();
        store.storedByAnother("refresh-5");

        try (var hold = keeper.hold(Duration.ofSeconds(1))) {
            assertThat(hold.store("refresh-6", token("access-6"))).isEqualTo(StoreKeeper.Stored.SAVED);
        }

        StoredTokens stored = store.current().orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.refreshToken()).isEqualTo("refresh-6");
        assertThat(stored.accessToken()).isEqualTo("access-6");
        assertThat(stored.obtainedAt()).isEqualTo(clock.instant());
        assertThat(stored.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(keeper.known()).contains(stored);
    }

    @Test
    void aTokenThatMayNotBeHandedOutIsNotStored() {
        var keeper = direct();

        try (var hold = keeper.hold(Duration.ofSeconds(1))) {
            hold.store("refresh-2", token("access").asRejected());
        }
        try (var hold = keeper.hold(Duration.ofSeconds(1))) {
            hold.store("refresh-3", token("access").expired());
        }

        assertThat(store.states).extracting(StoredTokens::hasAccessToken).containsExactly(false, false);
        assertThat(store.states).extracting(StoredTokens::version).containsExactly(1L, 2L);
    }

    @Test
    void aStateReplacedMeanwhileIsStoredOver() {
        var keeper = direct();
        store.claims(wait -> {
            Optional<LockingTokenStore.Claim> claim = Optional.of(store.ownClaim()); // reads version 0
            store.storedByAnother("refresh-other");
            return claim;
        });

        try (var hold = keeper.hold(Duration.ofSeconds(1))) {
            assertThat(hold.store("refresh-mine", token("access"))).isEqualTo(StoreKeeper.Stored.SAVED);
        }

        assertThat(store.states).extracting(StoredTokens::refreshToken, StoredTokens::version)
                .containsExactly(tuple("refresh-mine", 2L));
        assertThat(keeper.known()).map(StoredTokens::refreshToken).contains("refresh-mine");
    }

    @Test
    void aFailedStoreIsLoggedByItsTypeAndRetriedAfterTheBackoffCeiling() {
        var keeper = direct();
        store.failSaves(2, () -> new IllegalStateException("refresh-secret"));

        try (var hold = keeper.hold(Duration.ofSeconds(1))) {
            assertThat(hold.store("refresh-2", null)).isEqualTo(StoreKeeper.Stored.FAILED);
        }
        assertThat(state.get().saveRetryAt()).isEqualTo(clock.instant().plusSeconds(1));
        try (var hold = keeper.hold(Duration.ofSeconds(1))) {
            assertThat(hold.store("refresh-2", null)).isEqualTo(StoreKeeper.Stored.FAILED);
        }
        assertThat(state.get().saveRetryAt()).isEqualTo(clock.instant().plusSeconds(2));
        assertThat(log.withCode("TPC0112")).hasSize(2).allSatisfy(r -> assertThat(LogCapture.formatted(r))
                .contains("IllegalStateException").doesNotContain("refresh-secret"));

        try (var hold = keeper.hold(Duration.ofSeconds(1))) {
            assertThat(hold.store("refresh-2", null)).isEqualTo(StoreKeeper.Stored.SAVED);
        }
        store.failSaves(1, () -> new IllegalStateException("store down"));
        try (var hold = keeper.hold(Duration.ofSeconds(1))) {
            hold.store("refresh-3", null);
        }
        assertThat(state.get().saveRetryAt()).isEqualTo(clock.instant().plusSeconds(1)); // a success reset the count
    }

    @Test
    void aRetrySavesTheNewestStateOnTheKnownVersion() {
        var keeper = holding();
        keeper.markStored(store.storedByAnother("refresh-0"));
        TokenState seen = state.get().withToken(token("access-1")).withSaveRetryAt(clock.instant());
        state.set(seen);

        keeper.retrySave(seen, clock.instant());
        keeper.retrySave(seen, clock.instant());

        assertThat(held).hasSize(1);
        assertThat(state.get().saveRetryAt()).isEqualTo(clock.instant().plus(CLAIM));
        held.get(0).run();
        assertThat(store.states).singleElement().satisfies(stored -> {
            assertThat(stored.refreshToken()).isEqualTo("refresh-1");
            assertThat(stored.accessToken()).isEqualTo("access-1");
            assertThat(stored.version()).isEqualTo(2);
        });
        assertThat(state.get().saveRetryAt()).isNull();
    }

    /** The spent refresh tokens a restored store is checked against: the last 1024, and no fewer. */
    @Test
    void theLast1024SpentRefreshTokensAreKept() {
        var keeper = direct();
        for (int i = 0; i <= 1024; i++) {
            keeper.spend("refresh-" + i);
        }

        assertThat(keeper.isSpent("refresh-0")).as("the 1025th last").isFalse();
        assertThat(keeper.isSpent("refresh-1")).as("the 1024th last").isTrue();
        assertThat(keeper.isSpent("refresh-1024")).as("the last").isTrue();
    }

    @Test
    void aRetryThatFindsAnothersStateTakesItInsteadOfSavingOverIt() {
        var keeper = direct();
        StoredTokens anothers = store.storedByAnother("refresh-other"); // it may have rotated past refresh-1
        TokenState seen = state.get().withSaveRetryAt(clock.instant());
        state.set(seen);

        keeper.retrySave(seen, clock.instant());

        assertThat(store.saved).isEmpty();
        assertThat(store.current()).contains(anothers);
        assertThat(state.get().refreshToken()).isEqualTo("refresh-other");
        assertThat(state.get().saveRetryAt()).isNull();
        assertThat(keeper.isSpent("refresh-1")).as("never sent again").isTrue();
        assertThat(keeper.known()).as("not known as this client's: the next claim takes its access token too")
                .isEmpty();
        assertThat(log.withCode("TPC0029")).hasSize(1);
    }

    @Test
    void aRetryThatFindsItsOwnEarlierSaveLandedAfterAllWritesNothing() {
        var keeper = direct();
        StoredTokens landed = store.storedByAnother("refresh-1"); // the save that failed had written it after all
        TokenState seen = state.get().withSaveRetryAt(clock.instant());
        state.set(seen);

        keeper.retrySave(seen, clock.instant());

        assertThat(store.saved).isEmpty();
        assertThat(store.current()).contains(landed);
        assertThat(state.get().saveRetryAt()).isNull();
        assertThat(keeper.known()).contains(landed);
    }

    @Test
    void aTokenTheStoreHoldsIsNotSavedAgain() {
        var keeper = direct();
        keeper.markStored(StoredTokens.ofRefreshToken("refresh-1", 1));
        TokenState seen = state.get().withSaveRetryAt(clock.instant());
        state.set(seen);

        keeper.retrySave(seen, clock.instant());

        assertThat(store.saved).isEmpty();
        assertThat(state.get().saveRetryAt()).isNull();
    }

    @Test
    void noRefreshTokenIsNothingToSave() {
        state.set(TokenState.initial(null).withSaveRetryAt(clock.instant()));

        direct().retrySave(state.get(), clock.instant());

        assertThat(store.saved).isEmpty();
        assertThat(state.get().saveRetryAt()).isNull();
    }

    @Test
    void failedRetriesWaitForTheBackoffCeilingAndSuccessResetsIt() {
        var keeper = direct();
        store.failSaves(2, () -> new IllegalStateException("store down"));

        keeper.retrySave(state.get(), clock.instant());
        assertThat(state.get().saveRetryAt()).isEqualTo(clock.instant().plusSeconds(1));
        keeper.retrySave(state.get(), clock.instant());
        assertThat(state.get().saveRetryAt()).isEqualTo(clock.instant().plusSeconds(2));
        keeper.retrySave(state.get(), clock.instant());
        assertThat(state.get().saveRetryAt()).isNull();
        assertThat(store.saved).containsExactly("refresh-1");

        store.failSaves(1, () -> new IllegalStateException("store down"));
        state.updateAndGet(current -> current.withRefreshToken("refresh-2"));
        keeper.retrySave(state.get(), clock.instant());
        assertThat(state.get().saveRetryAt()).isEqualTo(clock.instant().plusSeconds(1));
    }

    @Test
    void aTokenReplacedDuringTheSaveStaysToBeSaved() {
        store.onSave(refreshToken -> state.updateAndGet(current -> current.withRefreshToken("refresh-2")));

        direct().retrySave(state.get(), clock.instant());

        assertThat(store.saved).containsExactly("refresh-1");
        assertThat(state.get().refreshToken()).isEqualTo("refresh-2");
        assertThat(state.get().saveRetryAt()).isEqualTo(clock.instant().plus(CLAIM));
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

    @Test
    void aRetryThatFindsAnOlderStateOfItsOwnSavesOverIt() {
        var keeper = direct();
        store.storedByAnother("refresh-0"); // written late by this client's own older save
        keeper.spend("refresh-0"); // which its answer rotated to refresh-1
        TokenState seen = state.get().withSaveRetryAt(clock.instant());
        state.set(seen);

        keeper.retrySave(seen, clock.instant());

        assertThat(store.current()).map(StoredTokens::refreshToken).contains("refresh-1");
        assertThat(store.current()).map(StoredTokens::version).contains(2L);
        assertThat(state.get().refreshToken()).isEqualTo("refresh-1");
        assertThat(state.get().saveRetryAt()).isNull();
    }

    @Test
    void aStoreThatKeepsReplacingTheStateWithOlderOnesCountsAsFailing() {
        var keeper = direct();
        keeper.spend("refresh-0"); // this client's own older state, which the store keeps putting back
        store.onSave(refreshToken -> store.storedByAnother("refresh-0"));
        TokenState seen = state.get().withSaveRetryAt(clock.instant());
        state.set(seen);

        keeper.retrySave(seen, clock.instant());

        assertThat(store.saved).isEmpty();
        assertThat(state.get().refreshToken()).isEqualTo("refresh-1");
        assertThat(state.get().saveRetryAt()).isEqualTo(clock.instant().plusSeconds(1));
        assertThat(log.withCode("TPC0112")).singleElement()
                .satisfies(r -> assertThat(LogCapture.formatted(r)).contains("IllegalStateException"));
        assertThat(store.current()).map(StoredTokens::version).contains((long) StoreKeeper.MAX_REPLACED);
    }
}
