package ch.ticketpark.client.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import ch.ticketpark.client.spi.LockingTokenStore;
import ch.ticketpark.client.spi.StoredTokens;

/**
 * A {@link JdbcTokenStore}'s claim: the open transaction that holds the account's row locked, on a connection of its
 * own, until its one write commits or its close rolls back. Not thread-safe: the client uses a claim from one thread
 * at a time.
 */
final class RowClaim implements LockingTokenStore.Claim {

    private final JdbcTokenStore store;
    private final Connection connection;
    private final Optional<StoredTokens> current;
    private State state = State.OPEN;

    /** Where the claim is in its life; only an open claim writes. */
    private enum State {
        OPEN, WROTE, FAILED, CLOSED
    }

    private RowClaim(JdbcTokenStore store, Connection connection, Optional<StoredTokens> current) {
        this.store = store;
        this.connection = connection;
        this.current = current;
    }

    /**
     * Locks the account's row on {@code connection} within {@code wait}, inserting the empty row first if there is
     * none. Closes the connection when the wait runs out; the caller closes it when this throws.
     *
     * @return the claim, which owns the connection from then on; empty if another held the row all of {@code wait}
     */
    static Optional<LockingTokenStore.Claim> lock(JdbcTokenStore store, Connection connection, Duration wait)
            throws SQLException {
        long deadline = System.nanoTime() + Math.min(wait.toNanos(), Long.MAX_VALUE / 4);
        connection.setAutoCommit(false);
        Locking locking = select(store, connection, wait);
        if (locking.granted() && locking.row().isEmpty()) {
            connection.rollback();
            insertEmpty(store, connection);
            locking = select(store, connection, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (locking.granted() && locking.row().isEmpty()) {
                throw new SQLException("the account's row was deleted while it was being claimed", "02000");
            }
        }
        if (!locking.granted()) {
            Jdbc.rollbackAndClose(connection);
            return Optional.empty();
        }
        return Optional.of(new RowClaim(store, connection, locking.row().get().state()));
    }

    /** What a locking read found: whether the wait sufficed, and the row, locked, if there is one. */
    private record Locking(boolean granted, Optional<TokenTable.Row> row) {

        static final Locking WAIT_OVER = new Locking(false, Optional.empty());
    }

    private static Locking select(JdbcTokenStore store, Connection connection, Duration wait) throws SQLException {
        try {
            if ("PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
                try (Statement statement = connection.createStatement()) {
                    statement.setQueryTimeout(store.statementSeconds());
                    // a number the store formats, no value from outside: SET takes no bind parameter
                    statement.execute("SET LOCAL lock_timeout = '" + Math.max(1, Jdbc.millis(wait)) + "ms'");
                }
            }
            return new Locking(true, store.table().select(connection, store.account(), Jdbc.seconds(wait), true));
        } catch (SQLException e) {
            if (Jdbc.isWaitOver(e)) {
                return Locking.WAIT_OVER;
            }
            throw e;
        }
    }

    /** Inserts the empty row in a transaction of its own; a row another inserted meanwhile is as good. */
    private static void insertEmpty(JdbcTokenStore store, Connection connection) throws SQLException {
        try {
            store.table().insertEmpty(connection, store.account(), store.statementSeconds());
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            if (!Jdbc.isIntegrityViolation(e)) {
                throw e;
            }
        }
    }

    @Override
    public Optional<StoredTokens> current() {
        return current;
    }

    /**
     * Updates the locked row and commits, which ends the claim's hold on the row: a claim writes once; the next call
     * fails with an {@link IllegalStateException}. {@code false} (a version other than the one the claim read)
     * changes nothing and keeps the claim.
     */
    @Override
    public boolean compareAndSet(long expectedVersion, StoredTokens next) {
        JdbcTokenStore.checkVersions(expectedVersion, next);
        if (state != State.OPEN) {
            throw new IllegalStateException(this + " cannot write: " + switch (state) {
                case WROTE -> "it wrote already; a claim writes once, and its commit released the row";
                case FAILED -> "its write failed";
                default -> "it is closed";
            });
        }
        try {
            if (store.table().update(connection, store.account(), expectedVersion, next,
                    store.statementSeconds()) != 1) {
                return false;
            }
            connection.commit();
            state = State.WROTE;
            return true;
        } catch (SQLException e) {
            state = State.FAILED;
            throw store.failure("compare-and-set within a claim", e);
        }
    }

    /** Rolls back what was not committed and closes the connection, which releases the row; never throws. */
    @Override
    public void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        Jdbc.rollbackAndClose(connection);
    }

    /** The connection that holds the row: for tests that break it. */
    Connection connection() {
        return connection;
    }

    @Override
    public String toString() {
        return "JdbcTokenStore.Claim[table=" + store.table().name() + ", account=" + store.account()
                + ", version="
                + current.map(StoredTokens::version).orElse(0L) + ", " + state.name().toLowerCase(Locale.ROOT) + "]";
    }
}
