package ch.ticketpark.client.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import ch.ticketpark.client.spi.LockingTokenStore;
import ch.ticketpark.client.spi.StoredTokens;

/**
 * Keeps one account's token state in a database table that all servers of an application share, one row per account,
 * so that they agree on one chain of refresh tokens and send one token request per expiry between them: a
 * {@link #claim(Duration) claim} locks the account's row.
 * <p>
 * The table ({@link #createTableIfMissing()} creates it, or a DBA does, with any name):
 *
 * <pre>{@code
 * CREATE TABLE ticketpark_token (
 *     account       VARCHAR(255) NOT NULL PRIMARY KEY,
 *     version       NUMERIC(19)  NOT NULL,
 *     refresh_token VARCHAR(4000),
 *     access_token  VARCHAR(4000),
 *     obtained_at   NUMERIC(19),   -- epoch milliseconds
 *     expires_at    NUMERIC(19),   -- epoch milliseconds
 *     updated_at    NUMERIC(19)  NOT NULL   -- epoch milliseconds
 * )
 * }</pre>
 *
 * Instants are epoch milliseconds, which every database stores alike (a {@code TIMESTAMP} means a different time zone
 * in each), and {@code NUMERIC(19)} holds any {@code long} everywhere (Oracle has no {@code BIGINT}). A row of version
 * 0 holds nothing: {@link #claim(Duration)} inserts it, so that there is a row to lock before the first state exists.
 * <p>
 * A claim is a transaction on a connection of its own that holds the row by {@code SELECT ... FOR UPDATE}; it ends with
 * the claim's one write (commit) or its close (rollback). There is no lease to expire: a server that dies holding a
 * claim releases it when its connection breaks, and the database ends the transaction.
 * <p>
 * Tested on PostgreSQL. The SQL is plain and should work, untested, wherever {@code SELECT ... FOR UPDATE} holds the
 * row until the transaction ends: MySQL 8 and MariaDB with InnoDB (keep a claim's wait below
 * {@code innodb_lock_wait_timeout}, 50 s by default), Oracle, H2. Db2 knows {@code FOR UPDATE}, but under its default
 * isolation (cursor stability) the row's lock may end when the cursor closes, before the claim does: untested, do not
 * rely on it. SQL Server has no {@code FOR UPDATE} in a {@code SELECT} (only in {@code DECLARE CURSOR}; it takes
 * {@code WITH (UPDLOCK, ROWLOCK)} instead), so claims fail there as written.
 * <p>
 * The store commits and rolls back its connections itself: give it a DataSource whose connections it may commit, used
 * outside any global (JTA) transaction. In Liberty that is the library's own managed threads, or a data source with
 * {@code transactional="false"}. Every statement is bounded by {@code statementTimeout}
 * ({@link java.sql.Statement#setQueryTimeout(int)}, whole seconds, rounded up), a claim's wait for the lock by that
 * wait; getting a connection, and a network that does not answer at all, are bounded by the pool's and the driver's
 * own timeouts (PostgreSQL: {@code connectTimeout}, {@code socketTimeout}).
 * <p>
 * Thread-safe; each claim belongs to one thread at a time. What it throws for the database is a
 * {@link JdbcTokenStoreException}, which names the table, the account and the SQLState, and, as {@link #toString()},
 * never a token.
 */
public final class JdbcTokenStore implements LockingTokenStore {

    private final DataSource dataSource;
    private final TokenTable table;
    private final String account;
    private final Duration statementTimeout;
    private final int statementSeconds;

    /**
     * @param dataSource where the table lives
     * @param table the table's name: a plain SQL identifier ({@code [A-Za-z_][A-Za-z0-9_]*}), optionally
     *        schema-qualified ({@code schema.table})
     * @param account the account's id, the row's key, such as {@code clientKey/username} (at most 255 characters)
     * @param statementTimeout how long any one statement may take
     * @throws IllegalArgumentException if an argument is missing or breaks its rule
     */
    public JdbcTokenStore(DataSource dataSource, String table, String account, Duration statementTimeout) {
        if (dataSource == null) {
            throw new IllegalArgumentException("dataSource is required");
        }
        if (account == null || account.isBlank() || account.length() > TokenTable.ACCOUNT_LENGTH) {
            throw new IllegalArgumentException("account is required, at most " + TokenTable.ACCOUNT_LENGTH
                    + " characters");
        }
        if (statementTimeout == null || statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("statementTimeout must be positive");
        }
        this.dataSource = dataSource;
        this.table = TokenTable.named(table);
        this.account = account;
        this.statementTimeout = statementTimeout;
        this.statementSeconds = Jdbc.seconds(statementTimeout);
    }

    /**
     * Creates the table unless it exists. Servers that start together may all call it: if another creates the table
     * first, the creation that fails for it counts as done.
     *
     * @return whether this call created it
     */
    public boolean createTableIfMissing() {
        try (Connection connection = open()) {
            if (table.exists(connection)) {
                return false;
            }
            try {
                table.create(connection, statementSeconds);
                return true;
            } catch (SQLException e) {
                if (table.exists(connection)) {
                    return false; // another server created it meanwhile
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure("creating the table", e);
        }
    }

    @Override
    public Optional<StoredTokens> load() {
        try (Connection connection = open()) {
            return table.select(connection, account, statementSeconds, false).flatMap(TokenTable.Row::state);
        } catch (SQLException e) {
            throw failure("load", e);
        } catch (IllegalArgumentException e) {
            throw unreadable(e);
        }
    }

    /**
     * One autocommit statement, or two when nothing is stored: the version-0 row, if there is one, is updated, else
     * the row is inserted; a row another inserted first answers {@code false}.
     */
    @Override
    public boolean compareAndSet(long expectedVersion, StoredTokens next) {
        checkVersions(expectedVersion, next);
        try (Connection connection = open()) {
            if (table.update(connection, account, expectedVersion, next, statementSeconds) == 1) {
                return true;
            }
            return expectedVersion == 0 && insert(connection, next);
        } catch (SQLException e) {
            throw failure("compare-and-set", e);
        }
    }

    private boolean insert(Connection connection, StoredTokens next) throws SQLException {
        try {
            table.insert(connection, account, next, statementSeconds);
            return true;
        } catch (SQLException e) {
            if (Jdbc.isIntegrityViolation(e) && table.select(connection, account, statementSeconds, false)
                    .isPresent()) {
                return false; // another inserted the row first
            }
            throw e;
        }
    }

    /**
     * Locks the account's row on a connection of its own, waiting at most {@code wait} for another claim to end (on
     * PostgreSQL to the millisecond, by {@code lock_timeout}; elsewhere in whole seconds, rounded up, by the query
     * timeout). The claim's {@link Claim#compareAndSet compareAndSet} commits, and so releases the row: a claim writes
     * once, and a second write fails with an {@link IllegalStateException}, as does one after {@link Claim#close()}.
     * A write that answers {@code false} (a version other than the one read) changes nothing and keeps the claim.
     *
     * @throws JdbcTokenStoreException if the database fails other than by the wait running out
     */
    @Override
    public Optional<Claim> claim(Duration wait) {
        if (wait == null || wait.isNegative()) {
            throw new IllegalArgumentException("wait must not be negative");
        }
        Connection connection;
        try {
            connection = open();
        } catch (SQLException e) {
            throw failure("claim", e);
        }
        try {
            return RowClaim.lock(this, connection, wait);
        } catch (SQLException e) {
            Jdbc.rollbackAndClose(connection);
            throw failure("claim", e);
        } catch (IllegalArgumentException e) {
            Jdbc.rollbackAndClose(connection);
            throw unreadable(e);
        } catch (RuntimeException | Error e) {
            Jdbc.rollbackAndClose(connection);
            throw e;
        }
    }

    /** A connection in autocommit mode, whatever the pool handed out. */
    private Connection open() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            Jdbc.rollbackAndClose(connection);
            throw e;
        }
    }

    /** @throws IllegalArgumentException unless {@code next} is the version after {@code expectedVersion} */
    static void checkVersions(long expectedVersion, StoredTokens next) {
        if (next == null) {
            throw new IllegalArgumentException("next is required");
        }
        if (next.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("next.version() must be expectedVersion + 1: expected version "
                    + expectedVersion + ", next version " + next.version());
        }
    }

    TokenTable table() {
        return table;
    }

    String account() {
        return account;
    }

    int statementSeconds() {
        return statementSeconds;
    }

    JdbcTokenStoreException failure(String what, SQLException e) {
        return JdbcTokenStoreException.of(context(), what, e);
    }

    /** The row breaks a rule of {@link StoredTokens}; its message names the field, never a value. */
    JdbcTokenStoreException unreadable(IllegalArgumentException e) {
        return JdbcTokenStoreException.of(context(), "the stored row is no valid token state: " + e.getMessage());
    }

    private String context() {
        return "JDBC token store (table " + table.name() + ", account '" + account + "')";
    }

    @Override
    public String toString() {
        return "JdbcTokenStore[table=" + table.name() + ", account=" + account + ", statementTimeout="
                + statementTimeout + "]";
    }
}
