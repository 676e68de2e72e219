package ch.ticketpark.client.internal.store;

import static ch.ticketpark.client.support.Fixtures.CLIENT_KEY;
import static ch.ticketpark.client.support.Fixtures.SECRETS;
import static ch.ticketpark.client.support.Fixtures.USERNAME;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import ch.ticketpark.client.spi.LockingTokenStore.Claim;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.support.RealDatabase;
import ch.ticketpark.client.support.RealTime;
import ch.ticketpark.client.support.Secrets;

/**
 * The jdbc token store against a real PostgreSQL (one embedded server for the class, a fresh table for each test):
 * the table, compare-and-set under contention, claims between "servers" (connections), a claim whose holder dies, a
 * database that is down or hangs, and no token in any message.
 */
@RealDatabase
class JdbcTokenStoreTest {

    private static final String ACCOUNT = CLIENT_KEY + "/" + USERNAME;
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(10);
    /** What a busy two-core machine may add to a measured wait. */
    private static final Duration MARGIN = Duration.ofSeconds(5);
    /** How long a test waits for what it expects to happen at once. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Instant OBTAINED = Instant.parse("2026-12-01T10:15:30.123456789Z");

    private static final StoredTokens FIRST = full("access-1", "refresh-1", 1);
    private static final StoredTokens SECOND = StoredTokens.ofRefreshToken("refresh-2", 2);
    private static final StoredTokens THIRD = full("access-3", "refresh-3", 3);

    private static Postgres postgres;
    private static DataSource dataSource;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private String table;
    private JdbcTokenStore store;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = Postgres.start();
        dataSource = postgres.dataSource();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void freshTable() {
        table = Postgres.freshTable();
        store = store(table);
        assertThat(store.createTableIfMissing()).as("created").isTrue();
    }

    @AfterEach
    void stopThreads() throws SQLException {
        threads.shutdownNow();
        assertThat(postgres.openTransactions()).as("transactions left open").isZero();
    }

    private static JdbcTokenStore store(String table) {
        return new JdbcTokenStore(dataSource, table, ACCOUNT, STATEMENT_TIMEOUT);
    }

    private static StoredTokens full(String accessToken, String refreshToken, long version) {
        return new StoredTokens(refreshToken, accessToken, OBTAINED, OBTAINED.plusSeconds(3600), version);
    }

    /** The state as the table keeps it: instants to the millisecond. */
    private static StoredTokens stored(StoredTokens tokens) {
        return tokens.hasAccessToken()
                ? new StoredTokens(tokens.refreshToken(), tokens.accessToken(),
                        Instant.ofEpochMilli(tokens.obtainedAt().toEpochMilli()),
                        Instant.ofEpochMilli(tokens.expiresAt().toEpochMilli()), tokens.version())
                : tokens;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    // the table

    @Test
    void createTableIfMissingCreatesOnceWhateverTheCaseOrSchemaOfTheName() throws SQLException {
        assertThat(store.createTableIfMissing()).as("again").isFalse();

        String upper = Postgres.freshTable().toUpperCase(Locale.ROOT); // PostgreSQL stores it in lower case
        String qualified = "public." + Postgres.freshTable();
        String lookalike = Postgres.freshTable(); // '_' must not match any character: tokenX<n> is another table
        postgres.execute("CREATE TABLE " + lookalike.replace('_', 'x') + " (a INT)");
        for (String name : List.of(upper, qualified, lookalike)) {
            JdbcTokenStore other = store(name);
            assertThat(other.createTableIfMissing()).as(name).isTrue();
            assertThat(other.createTableIfMissing()).as(name + " again").isFalse();
            assertThat(other.load()).as(name).isEmpty();
        }
    }

    @Test
    void concurrentCreatorsAllSucceedAndOneCreates() throws Exception {
        String name = Postgres.freshTable();
        int servers = 4;
        CyclicBarrier start = new CyclicBarrier(servers);
        List<Future<Boolean>> created = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            created.add(threads.submit(() -> {
                start.await();
                return store(name).createTableIfMissing();
            }));
        }
        List<Boolean> outcomes = new ArrayList<>();
        for (Future<Boolean> outcome : created) {
            outcomes.add(outcome.get(PATIENCE.toSeconds(), SECONDS));
        }
        assertThat(outcomes).containsOnlyOnce(true).hasSize(servers);
    }

    @Test
    void aCreationThatLosesTheRaceToAnotherServerCountsAsDone() throws Exception {
        String name = Postgres.freshTable();
        try (Connection otherServer = dataSource.getConnection(); Statement statement = otherServer.createStatement()) {
            otherServer.setAutoCommit(false);
            statement.execute(TokenTable.named(name).createTable()); // created, not yet committed

            Future<Boolean> created = threads.submit(store(name)::createTableIfMissing);
            postgres.awaitLockWait("CREATE TABLE " + name, PATIENCE);
            otherServer.commit();

            assertThat(created.get(PATIENCE.toSeconds(), SECONDS)).isFalse();
        }
        assertThat(store(name).load()).isEmpty();
    }

    // load and compare-and-set

    @Test
    void loadFindsNothingInAnEmptyTable() {
        assertThat(store.load()).isEmpty();
    }

    @Test
    void compareAndSetKeepsFullAndRefreshOnlyStatesToTheMillisecond() {
        assertThat(store.compareAndSet(0, FIRST)).isTrue();
        assertThat(store.load()).contains(stored(FIRST));
        assertThat(store.load().orElseThrow().obtainedAt()).isEqualTo("2026-12-01T10:15:30.123Z");

        assertThat(store.compareAndSet(1, SECOND)).isTrue();
        assertThat(store.load()).contains(SECOND);

        assertThat(store.compareAndSet(2, THIRD)).isTrue();
        assertThat(store.load()).contains(stored(THIRD));
    }

    @Test
    void compareAndSetFromAnotherVersionChangesNothing() {
        assertThat(store.compareAndSet(0, FIRST)).isTrue();

        assertThat(store.compareAndSet(0, StoredTokens.ofRefreshToken("refresh-2", 1))).as("a second first").isFalse();
        assertThat(store.compareAndSet(2, THIRD)).as("a version ahead").isFalse();
        assertThat(store.load()).contains(stored(FIRST));
    }

    @Test
    void ofConcurrentFirstWritesExactlyOneWins() throws Exception {
        int servers = 8;
        CyclicBarrier start = new CyclicBarrier(servers);
        List<Future<Boolean>> writes = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            StoredTokens mine = StoredTokens.ofRefreshToken("refresh-of-" + i, 1);
            writes.add(threads.submit(() -> {
                start.await();
                return store.compareAndSet(0, mine);
            }));
        }
        List<Boolean> outcomes = new ArrayList<>();
        for (Future<Boolean> write : writes) {
            outcomes.add(write.get(PATIENCE.toSeconds(), SECONDS));
        }
        assertThat(outcomes).containsOnlyOnce(true);
        assertThat(store.load()).contains(StoredTokens.ofRefreshToken("refresh-of-" + outcomes.indexOf(true), 1));
    }

    @Test
    void ofConcurrentReplacementsOneWinsEachVersion() throws Exception {
        int servers = 8;
        long last = 60;
        ConcurrentMap<Long, String> winners = new ConcurrentHashMap<>();
        CyclicBarrier start = new CyclicBarrier(servers);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            String server = "server-" + i;
            runs.add(threads.submit(() -> {
                start.await();
                int attempts = 0;
                for (long current = 0; current < last; current = store.load().map(StoredTokens::version).orElse(0L)) {
                    String token = "refresh-" + server + "-" + attempts++;
                    if (store.compareAndSet(current, StoredTokens.ofRefreshToken(token, current + 1))) {
                        assertThat(winners.putIfAbsent(current + 1, token)).as("another winner of %s", current + 1)
                                .isNull();
                    }
                }
                return attempts;
            }));
        }
        int attempts = 0;
        for (Future<Integer> run : runs) {
            attempts += run.get(PATIENCE.toSeconds(), SECONDS);
        }
        assertThat(winners).hasSize((int) last);
        assertThat(attempts).as("attempts, some lost").isGreaterThanOrEqualTo((int) last);
        assertThat(store.load()).contains(StoredTokens.ofRefreshToken(winners.get(last), last));
    }

    @Test
    void accountsShareATableButNotTheirStatesOrClaims() {
        JdbcTokenStore other = new JdbcTokenStore(dataSource, table, "other-key/other-user", STATEMENT_TIMEOUT);
        try (Claim mine = store.claim(PATIENCE).orElseThrow();
                Claim theirs = other.claim(Duration.ZERO).orElseThrow()) {
            assertThat(mine.compareAndSet(0, FIRST)).isTrue();
            assertThat(theirs.compareAndSet(0, StoredTokens.ofRefreshToken("refresh-2", 1))).isTrue();
        }
        assertThat(store.load()).contains(stored(FIRST));
        assertThat(other.load()).contains(StoredTokens.ofRefreshToken("refresh-2", 1));
    }

    // claims

    @Test
    @RealTime
    void aSecondClaimWaitsItsWaitAndGetsNothing() {
        assertThat(store.compareAndSet(0, FIRST)).isTrue();
        try (Claim held = store.claim(PATIENCE).orElseThrow()) {
            assertThat(held.current()).contains(stored(FIRST));

            Duration wait = Duration.ofMillis(1500);
            long start = System.nanoTime();
            assertThat(store.claim(wait)).isEmpty();
            assertThat(since(start)).isBetween(wait.minusMillis(50), wait.plus(MARGIN));

            start = System.nanoTime();
            assertThat(store.claim(Duration.ZERO)).isEmpty();
            assertThat(since(start)).isLessThan(MARGIN);
        }
        try (Claim next = store.claim(Duration.ZERO).orElseThrow()) {
            assertThat(next.current()).as("once the first is closed").contains(stored(FIRST));
        }
    }

    @Test
    void aWaitingClaimIsGrantedWhenTheHolderWritesAndSeesTheWrite() throws Exception {
        assertThat(store.compareAndSet(0, FIRST)).isTrue();
        Claim held = store.claim(PATIENCE).orElseThrow();
        Future<Optional<Claim>> waiting = threads.submit(() -> store.claim(Duration.ofSeconds(40)));
        postgres.awaitLockWait("FROM " + table + " WHERE", PATIENCE);

        assertThat(held.compareAndSet(1, SECOND)).isTrue();
        try (Claim granted = waiting.get(PATIENCE.toSeconds(), SECONDS).orElseThrow()) {
            assertThat(granted.current()).contains(SECOND);
            assertThat(granted.compareAndSet(2, THIRD)).isTrue();
        }
        assertThat(store.load()).contains(stored(THIRD));

        assertThatThrownBy(() -> held.compareAndSet(1, SECOND)).as("a second write")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("writes once")
                .hasMessageContaining(table);
        held.close();
        assertThatThrownBy(() -> held.compareAndSet(1, SECOND)).as("after close")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aClaimClosedWithoutWritingLeavesTheRowAsItWas() {
        try (Claim first = store.claim(PATIENCE).orElseThrow()) {
            assertThat(first.current()).as("nothing stored yet").isEmpty();
        }
        assertThat(store.load()).as("the claim's empty row holds nothing").isEmpty();
        assertThat(store.compareAndSet(0, FIRST)).as("the first state replaces the empty row").isTrue();

        try (Claim second = store.claim(PATIENCE).orElseThrow()) {
            assertThat(second.current()).contains(stored(FIRST));
        }
        assertThat(store.load()).contains(stored(FIRST));

        try (Claim third = store.claim(Duration.ZERO).orElseThrow()) {
            assertThat(third.compareAndSet(2, THIRD)).as("another version: nothing written, still held").isFalse();
            assertThat(third.compareAndSet(1, SECOND)).isTrue();
        }
        assertThat(store.load()).contains(SECOND);
    }

    @Test
    void theFirstStateCanBeWrittenWithinTheFirstClaim() {
        try (Claim first = store.claim(PATIENCE).orElseThrow()) {
            assertThat(first.compareAndSet(0, FIRST)).isTrue();
        }
        assertThat(store.load()).contains(stored(FIRST));
    }

    @Test
    void aClaimWhoseConnectionBreaksIsReleasedLongBeforeTheWaitEnds() throws Exception {
        assertThat(store.compareAndSet(0, FIRST)).isTrue();
        Claim dying = store.claim(PATIENCE).orElseThrow();
        int pid = Postgres.backendPid(((RowClaim) dying).connection());
        Duration wait = Duration.ofSeconds(40);
        Future<Optional<Claim>> waiting = threads.submit(() -> store.claim(wait));
        postgres.awaitLockWait("FROM " + table + " WHERE", PATIENCE);

        long start = System.nanoTime();
        postgres.terminate(pid);
        try (Claim granted = waiting.get(PATIENCE.toSeconds(), SECONDS).orElseThrow()) {
            assertThat(since(start)).isLessThan(MARGIN);
            assertThat(granted.current()).contains(stored(FIRST));
        }

        Throwable failure = catchThrowable(() -> dying.compareAndSet(1, SECOND));
        assertThat(failure).isInstanceOf(JdbcTokenStoreException.class).hasMessageContaining(table)
                .hasMessageContaining(ACCOUNT).hasMessageContaining("SQLState");
        assertNoTokenIn(failure);
        dying.close();
        assertThat(store.load()).contains(stored(FIRST));
    }

    // a database that is down, or hangs

    @Test
    void everyOperationOnADatabaseThatIsDownFailsClearly() throws IOException {
        JdbcTokenStore unreachable = new JdbcTokenStore(Postgres.down(), "ticketpark_token", ACCOUNT,
                STATEMENT_TIMEOUT);
        List<ThrowingCallable> operations = List.of(unreachable::load, () -> unreachable.claim(PATIENCE),
                () -> unreachable.compareAndSet(0, FIRST), unreachable::createTableIfMissing);
        for (ThrowingCallable operation : operations) {
            Throwable failure = catchThrowable(operation);
            assertThat(failure).isInstanceOf(JdbcTokenStoreException.class).hasMessageContaining("ticketpark_token")
                    .hasMessageContaining(ACCOUNT).hasMessageContaining("SQLState 08001");
            assertThat(((JdbcTokenStoreException) failure).sqlState()).isEqualTo("08001");
            assertNoTokenIn(failure);
        }
    }

    @Test
    @RealTime
    void aStatementBlockedByALockEndsAfterTheStatementTimeout() throws Exception {
        assertThat(store.compareAndSet(0, FIRST)).isTrue();
        Duration timeout = Duration.ofSeconds(1);
        JdbcTokenStore impatient = new JdbcTokenStore(dataSource, table, ACCOUNT, timeout);
        try (Connection locker = dataSource.getConnection(); Statement statement = locker.createStatement()) {
            locker.setAutoCommit(false);
            statement.executeQuery("SELECT * FROM " + table + " FOR UPDATE").close();

            assertThat(impatient.load()).as("a read does not wait for the lock").contains(stored(FIRST));
            long start = System.nanoTime();
            Throwable failure = catchThrowable(() -> impatient.compareAndSet(1, SECOND));
            assertThat(since(start)).isBetween(timeout.minusMillis(50), timeout.plus(MARGIN));
            assertThat(failure).isInstanceOf(JdbcTokenStoreException.class).hasMessageContaining("timed out")
                    .hasMessageContaining("SQLState 57014").hasMessageContaining(table);
            assertNoTokenIn(failure);
            locker.rollback();
        }
        assertThat(store.load()).contains(stored(FIRST));
    }

    // no token in any message

    @Test
    void aDatabaseMessageThatQuotesTheRowReachesNoMessage() throws Exception {
        assertThat(store.compareAndSet(0, FIRST)).isTrue();
        postgres.execute("ALTER TABLE " + table + " ADD CONSTRAINT refuse CHECK (refresh_token <> 'refresh-2')");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE " + table + " SET refresh_token = 'refresh-2'"))
                    .as("what PostgreSQL's own message quotes").hasMessageContaining("access-1");
        }

        Throwable outside = catchThrowable(() -> store.compareAndSet(1, full("access-2", "refresh-2", 2)));
        Throwable within;
        try (Claim claim = store.claim(PATIENCE).orElseThrow()) {
            within = catchThrowable(() -> claim.compareAndSet(1, full("access-2", "refresh-2", 2)));
            assertThat(claim.toString()).contains(table, ACCOUNT, "version=1").doesNotContain(SECRETS);
        }
        JdbcTokenStore other = new JdbcTokenStore(dataSource, table, "other", STATEMENT_TIMEOUT);
        Throwable first = catchThrowable(() -> other.compareAndSet(0, full("access-2", "refresh-2", 1)));

        for (Throwable failure : List.of(outside, within, first)) {
            assertThat(failure).isInstanceOf(JdbcTokenStoreException.class).hasMessageContaining(table)
                    .hasMessageContaining("SQLState 23514");
            assertNoTokenIn(failure);
        }
        assertThat(store.toString()).contains(table, ACCOUNT).doesNotContain(SECRETS);
        assertThat(store.load()).contains(stored(FIRST));
    }

    @Test
    void aRowThatHoldsNoValidStateIsReportedWithoutItsValues() throws SQLException {
        assertThat(store.compareAndSet(0, FIRST)).isTrue();
        postgres.execute("UPDATE " + table + " SET obtained_at = NULL");

        for (ThrowingCallable operation : List.<ThrowingCallable>of(store::load, () -> store.claim(PATIENCE))) {
            Throwable failure = catchThrowable(operation);
            assertThat(failure).isInstanceOf(JdbcTokenStoreException.class).hasMessageContaining(table)
                    .hasMessageContaining("accessToken, obtainedAt and expiresAt go together");
            assertNoTokenIn(failure);
        }
    }

    /** Neither a message nor a stack trace, causes included, quotes a token. */
    private static void assertNoTokenIn(Throwable failure) {
        Secrets.assertNoSecretIn(failure);
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(SECRETS);
    }

    // arguments

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1token", "token-table", "a.b.c", "schema.", "token; DROP TABLE x", "\"token\"", "tökens"})
    void aTableNameMustBeAPlainIdentifier(String name) {
        assertThatThrownBy(() -> store(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[A-Za-z_][A-Za-z0-9_]*").hasMessageContaining("schema-qualified");
    }

    @Test
    void argumentsBreakingTheirRuleAreRefused() {
        String longAccount = "a".repeat(256);
        List<ThrowingCallable> refused = List.of(
                () -> new JdbcTokenStore(null, table, ACCOUNT, STATEMENT_TIMEOUT),
                () -> new JdbcTokenStore(dataSource, table, " ", STATEMENT_TIMEOUT),
                () -> new JdbcTokenStore(dataSource, table, longAccount, STATEMENT_TIMEOUT),
                () -> new JdbcTokenStore(dataSource, table, ACCOUNT, Duration.ZERO),
                () -> new JdbcTokenStore(dataSource, table, ACCOUNT, null),
                () -> store.claim(Duration.ofMillis(-1)),
                () -> store.compareAndSet(0, null),
                () -> store.compareAndSet(1, THIRD),
                () -> store.compareAndSet(0, StoredTokens.ofRefreshToken("r".repeat(4001), 1)));
        for (ThrowingCallable call : refused) {
            assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(store.load()).isEmpty();
    }
}
