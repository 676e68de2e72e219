package ch.ticketpark.login;

import static ch.ticketpark.login.LoginFixtures.REFRESH_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;

/** The compare-and-set against servers that keep running while the operator logs in. */
class StoreDestinationTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void aStateReplacedMeanwhileIsReadAgainAndReplacedOnItsVersion() {
        RacingStore store = new RacingStore(1);

        new StoreDestination(store, "the store", () -> {
        }).write(REFRESH_1, print(out), print(new ByteArrayOutputStream()));

        assertThat(store.current).contains(StoredTokens.ofRefreshToken(REFRESH_1, 7));
        assertThat(store.expected).containsExactly(5L, 6L);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Stored a new refresh token as version 7 in the "
                + "store, replacing version 6" + System.lineSeparator());
    }

    @Test
    void aStoreThatKeepsMovingOnMakesTheLoginGiveUpAfterThreeAttempts() {
        RacingStore store = new RacingStore(Integer.MAX_VALUE);
        StoreDestination destination = new StoreDestination(store, "the store", () -> {
        });

        assertThatThrownBy(() -> destination.write(REFRESH_1, print(out), print(new ByteArrayOutputStream())))
                .isInstanceOf(Failure.class)
                .hasMessage("Cannot store the refresh token (the store): a running server replaced the state 3 "
                        + "times meanwhile; stop the application and log in again");
        assertThat(store.expected).containsExactly(5L, 6L, 7L);
        assertThat(out.size()).isZero();
    }

    @Test
    void anUnexpectedFailureOfTheStoreIsNamedByItsTypeOnly() {
        TokenStore broken = new TokenStore() {

            @Override
            public Optional<StoredTokens> load() {
                throw new IllegalArgumentException("quotes " + REFRESH_1);
            }

            @Override
            public boolean compareAndSet(long expectedVersion, StoredTokens next) {
                return false;
            }
        };

        assertThatThrownBy(() -> new StoreDestination(broken, "the store", () -> {
        }).prepare()).isInstanceOf(Failure.class)
                .hasMessage("Cannot use the token store: java.lang.IllegalArgumentException (the store); nothing "
                        + "sent");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    /** Starts at version 5; another server stores a newer state before each of the first {@code losses} writes. */
    private static final class RacingStore implements TokenStore {

        private final List<Long> expected = new ArrayList<>();
        private int losses;
        private Optional<StoredTokens> current = Optional.of(StoredTokens.ofRefreshToken("old", 5));

        RacingStore(int losses) {
            this.losses = losses;
        }

        @Override
        public Optional<StoredTokens> load() {
            return current;
        }

        @Override
        public boolean compareAndSet(long expectedVersion, StoredTokens next) {
            expected.add(expectedVersion);
            if (losses > 0) {
                losses--;
                long version = current.get().version() + 1;
                current = Optional.of(StoredTokens.ofRefreshToken("server-" + version, version));
                return false;
            }
            current = Optional.of(next);
            return true;
        }
    }
}
