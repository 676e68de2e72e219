package ch.ticketpark.client.internal.store;

import java.sql.SQLException;

/**
 * A {@link JdbcTokenStore} could not do what it was asked. The message names the table, the account and what failed,
 * with the SQLState and the vendor's error code; never a token. A database's own messages may quote a stored value
 * (PostgreSQL's "Failing row contains (...)" quotes the whole row), so the driver's exceptions are not kept as they
 * are: the cause chain holds stand-ins with the same types' names, SQLStates, error codes and stack traces, and no
 * message.
 */
public final class JdbcTokenStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** Causes kept below the first; a longer chain (or a cycle) is cut there. */
    private static final int MAX_CAUSES = 8;

    private final String sqlState;

    private JdbcTokenStoreException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** A failure of the database (or of reaching it): {@code what} is the operation, in words. */
    static JdbcTokenStoreException of(String context, String what, SQLException e) {
        StringBuilder message = new StringBuilder(context).append(": ").append(what).append(" failed: ");
        message.append(Jdbc.isWaitOver(e) ? "timed out, " : "").append("SQLState ").append(e.getSQLState())
                .append(", error code ").append(e.getErrorCode()).append(" (").append(e.getClass().getName());
        int depth = 0;
        for (Throwable cause = e.getCause(); cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            message.append(", caused by ").append(cause.getClass().getName());
        }
        return new JdbcTokenStoreException(message.append(')').toString(), e.getSQLState(), withheld(e, 0));
    }

    /** A failure the store found itself (a row it cannot read, for one); {@code problem} must quote no value. */
    static JdbcTokenStoreException of(String context, String problem) {
        return new JdbcTokenStoreException(context + ": " + problem, null, null);
    }

    /** @return the SQLState of the driver's exception, or {@code null} if the store found the problem itself */
    public String sqlState() {
        return sqlState;
    }

    /** A stand-in for {@code original} and its causes: their types, SQLStates and stack traces, no message. */
    private static Throwable withheld(Throwable original, int depth) {
        if (original == null || depth > MAX_CAUSES) {
            return null;
        }
        String message = original.getClass().getName() + " (its message is withheld: it may quote a stored value)";
        Throwable standIn = original instanceof SQLException sql
                ? new SQLException(message, sql.getSQLState(), sql.getErrorCode())
                : new Exception(message);
        standIn.setStackTrace(original.getStackTrace());
        Throwable cause = withheld(original.getCause() == original ? null : original.getCause(), depth + 1);
        if (cause != null) {
            standIn.initCause(cause);
        }
        return standIn;
    }
}
