package ch.ticketpark.client.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.spi.LockingTokenStore;
import ch.ticketpark.client.spi.StoredTokens;

class MemoryTokenStoreTest {

    private final MemoryTokenStore store = new MemoryTokenStore();

    @Test
    void holdsNothingAtFirst() {
        assertThat(store.load()).isEmpty();
    }

    @Test
    void theFirstStateIsStoredOnVersionZero() {
        StoredTokens first = CasRace.offer(0, 0, 1);

        assertThat(store.compareAndSet(0, first)).isTrue();

        assertThat(store.load()).containsSame(first);
    }

    @Test
    void aStaleExpectedVersionChangesNothing() {
        StoredTokens first = CasRace.offer(0, 0, 1);
        store.compareAndSet(0, first);

        assertThat(store.compareAndSet(0, StoredTokens.ofRefreshToken("other", 1))).isFalse();
        assertThat(store.compareAndSet(2, StoredTokens.ofRefreshToken("other", 3))).isFalse();

        assertThat(store.load()).containsSame(first);
    }

    @Test
    void eachReplacementIsOneVersionMore() {
        for (long version = 1; version <= 5; version++) {
            assertThat(store.compareAndSet(version - 1, StoredTokens.ofRefreshToken("r" + version, version)))
                    .isTrue();
        }

        assertThat(store.load()).contains(StoredTokens.ofRefreshToken("r5", 5));
    }

    @Test
    void aNextStateOfAnotherVersionIsAProgrammingError() {
        assertThatIllegalArgumentException().isThrownBy(() -> store.compareAndSet(0, StoredTokens.ofRefreshToken("r",
                2))).withMessage("the next state's version must be expectedVersion + 1 = 1, not 2");
        assertThatIllegalArgumentException().isThrownBy(() -> store.compareAndSet(-1, StoredTokens.ofRefreshToken("r",
                1))).withMessage("expectedVersion must be 0 (nothing stored) or more, not -1");
        assertThatNullPointerException().isThrownBy(() -> store.compareAndSet(0, null));

        assertThat(store.load()).isEmpty();
    }

    @Test
    void aWrongNextVersionThrowsEvenWhenTheExpectedOneIsStale() {
        store.compareAndSet(0, StoredTokens.ofRefreshToken("r1", 1));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> store.compareAndSet(5, StoredTokens.ofRefreshToken("r", 5)));
    }

    @Test
    void racingThreadsWinEachVersionOnce() throws InterruptedException {
        CasRace.Outcome outcome = CasRace.run(store, 16, 200);

        assertThat(outcome.failures()).isEmpty();
        int successes = outcome.successes();
        assertThat(successes).isPositive();
        assertThat(outcome.winners().keySet()).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, successes).boxed().toList());
        assertThat(outcome.winners().values()).allSatisfy(winners -> assertThat(winners).hasSize(1));
        StoredTokens last = store.load().orElseThrow();
        assertThat(last.version()).isEqualTo(successes);
        assertThat(last.refreshToken()).isEqualTo(outcome.winners().get((long) successes).get(0));
    }

    @Test
    void itClaimsNothing() {
        assertThat(store).isNotInstanceOf(LockingTokenStore.class); // nothing outside this process shares it
    }

    @Test
    void toStringNamesTheStoreOnly() {
        store.compareAndSet(0, StoredTokens.ofRefreshToken("planted-secret", 1));

        assertThat(store).hasToString("MemoryTokenStore");
    }
}
