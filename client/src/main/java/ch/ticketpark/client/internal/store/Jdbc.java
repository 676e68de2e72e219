package ch.ticketpark.client.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.Set;

/**
 * The plain JDBC the jdbc token store needs beyond its own SQL: bounded statements, what a failure means (a wait that
 * ran out, a key another inserted first), and cleaning up without throwing.
 */
final class Jdbc {

    /**
     * The SQLStates of a statement that gave up waiting: PostgreSQL's {@code lock_timeout} ({@code 55P03}
     * lock_not_available); a statement cancelled by its query timeout ({@code 57014}: PostgreSQL, Db2, H2); H2's own
     * lock timeout ({@code HYT00}). Other drivers report a query timeout as {@link SQLTimeoutException}.
     */
    private static final Set<String> WAIT_OVER = Set.of("55P03", "57014", "HYT00");

    private Jdbc() {
    }

    /**
     * A timeout for {@link java.sql.Statement#setQueryTimeout(int)}: whole seconds, rounded up, and at least one,
     * because zero means no limit at all.
     */
    static int seconds(Duration timeout) {
        long millis = ceilMillis(timeout);
        long seconds = millis / 1000 + (millis % 1000 == 0 ? 0 : 1);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, seconds));
    }

    /** Milliseconds, rounded up, at most {@link Integer#MAX_VALUE} (the most PostgreSQL's timeouts take). */
    static long millis(Duration timeout) {
        return Math.min(Integer.MAX_VALUE, ceilMillis(timeout));
    }

    private static long ceilMillis(Duration timeout) {
        try {
            long millis = timeout.toMillis();
            return timeout.equals(Duration.ofMillis(millis)) ? millis : millis + 1;
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A prepared statement bounded by {@code seconds}; the caller closes it. */
    static PreparedStatement prepare(Connection connection, String sql, int seconds) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            statement.setQueryTimeout(seconds);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Whether the statement stopped because it waited as long as it was allowed to (for a lock, or at all). */
    static boolean isWaitOver(SQLException e) {
        return e instanceof SQLTimeoutException || WAIT_OVER.contains(e.getSQLState());
    }

    /** Whether an integrity constraint refused the statement (class 23: a duplicate key, among others). */
    static boolean isIntegrityViolation(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLIntegrityConstraintViolationException || state != null && state.startsWith("23");
    }

    /**
     * Ends whatever transaction the connection is in without committing it, hands it back in autocommit mode (as a
     * pool expects it) and closes it; nothing it throws escapes: a broken connection is closed all the same.
     */
    static void rollbackAndClose(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            // a broken connection: the database ends its transaction when the connection goes
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // nothing left to release on this side
        }
    }
}
