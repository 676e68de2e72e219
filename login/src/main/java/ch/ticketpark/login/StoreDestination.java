package ch.ticketpark.login;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import ch.ticketpark.client.internal.store.FileTokenStore;
import ch.ticketpark.client.internal.store.JdbcTokenStore;
import ch.ticketpark.client.internal.store.JdbcTokenStoreException;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;

/**
 * A token store the application reads: the refresh token is written as the account's next state
 * ({@link StoredTokens#ofRefreshToken}), by compare-and-set on the version found, so that a login replaces whatever
 * state is stored (the chain that ended, or one that still runs) and never writes over a state that a running server
 * stored meanwhile without noticing. The stores' messages name the file or the table and the account, never a token,
 * and are passed on.
 */
final class StoreDestination implements Destination {

    /** How long one jdbc statement may take. */
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);
    /** Compare-and-sets lost to running servers before the login gives up. */
    static final int ATTEMPTS = 3;

    private final TokenStore store;
    private final String where;
    private final Runnable setUp;

    StoreDestination(TokenStore store, String where, Runnable setUp) {
        this.store = store;
        this.where = where;
        this.setUp = setUp;
    }

    /** {@code --store file}: the account's file in the directory. */
    static StoreDestination file(Path directory, String clientKey, String username) {
        FileTokenStore store = new FileTokenStore(directory, clientKey, username);
        return new StoreDestination(store, store.path().toString(), () -> {
        });
    }

    /** {@code --store jdbc}: the account's row in the table, which {@code createTable} creates if missing. */
    static StoreDestination jdbc(DataSource dataSource, String table, String account, boolean createTable) {
        JdbcTokenStore store = new JdbcTokenStore(dataSource, table, account, STATEMENT_TIMEOUT);
        return new StoreDestination(store, "table " + table + ", account '" + account + "'", createTable
                ? store::createTableIfMissing
                : () -> {
                });
    }

    @Override
    public void prepare() {
        try {
            setUp.run();
            store.load();
        } catch (RuntimeException e) {
            throw Failure.failed("Cannot use the token store: " + describe(e) + "; nothing sent");
        }
    }

    @Override
    public void write(String refreshToken, PrintStream out, PrintStream err) {
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Optional<StoredTokens> current = store.load();
                long version = current.map(StoredTokens::version).orElse(0L);
                if (store.compareAndSet(version, StoredTokens.ofRefreshToken(refreshToken, version + 1))) {
                    out.println("Stored a new refresh token as version " + (version + 1) + " in " + where
                            + (version == 0 ? "" : ", replacing version " + version));
                    return;
                }
            }
        } catch (RuntimeException e) {
            throw Failure.failed("Cannot store the refresh token: " + describe(e) + "; log in again once that is "
                    + "fixed");
        }
        throw Failure.failed("Cannot store the refresh token (" + where + "): a running server replaced the state "
                + ATTEMPTS + " times meanwhile; stop the application and log in again");
    }

    /**
     * The stores' own exceptions name the file or the table and the account, and what failed, never a value; of an
     * I/O failure's cause the file system's words are added, of a database's SQLState what it usually means. Any
     * other exception is named by its type, the store by where it keeps the state.
     */
    private String describe(RuntimeException e) {
        if (e instanceof UncheckedIOException io) {
            return io.getMessage() + " (" + io.getCause().getClass().getSimpleName()
                    + (io.getCause().getMessage() == null ? "" : ": " + io.getCause().getMessage()) + ")";
        }
        if (e instanceof JdbcTokenStoreException jdbc) {
            return jdbc.getMessage() + hint(jdbc.sqlState());
        }
        if (e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return e.getClass().getName() + " (" + where + ")";
    }

    private static String hint(String sqlState) {
        if (sqlState == null) {
            return "";
        }
        if (sqlState.startsWith("28")) {
            return " - the database refused --jdbc-user or its password";
        }
        if (sqlState.equals("42P01") || sqlState.equals("42S02")) {
            return " - the table does not exist: add --create-table, or have it created";
        }
        if (sqlState.startsWith("08")) {
            return " - cannot connect to the database";
        }
        return "";
    }
}
