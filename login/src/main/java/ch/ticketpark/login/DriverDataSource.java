package ch.ticketpark.login;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The least {@link DataSource} that {@code JdbcTokenStore} needs: a new connection from {@link DriverManager} for
 * each request, no pool (the login uses a handful). The driver is whichever on the class path accepts the URL: the
 * jar brings PostgreSQL's, the operator adds another with {@code -cp}.
 */
final class DriverDataSource implements DataSource {

    /** How long connecting may take (drivers that honour {@link DriverManager#setLoginTimeout}, PostgreSQL's do). */
    static final int LOGIN_TIMEOUT_SECONDS = 10;

    private final String url;
    private final String user;
    private final char[] password;

    /**
     * @param password the database password, empty for none; used, not copied: the caller clears it when done
     */
    DriverDataSource(String url, String user, char[] password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Fails early, before anything is prompted for, if no driver on the class path takes the URL.
     *
     * @throws Failure (usage) naming the URL's scheme only (the rest may name hosts and options)
     */
    static void requireDriver(String url) {
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            int end = url.indexOf(':', "jdbc:".length());
            String scheme = end < 0 ? url : url.substring(0, end);
            throw Failure.usage("No JDBC driver for " + scheme + " on the class path: the jar brings PostgreSQL's; "
                    + "for another database run java -cp ticketpark-login-<version>.jar:<driver.jar> "
                    + "ch.ticketpark.login.Login ...");
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password.length > 0) {
            properties.setProperty("password", new String(password));
        }
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("only the configured user connects");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        throw new SQLFeatureNotSupportedException("no log writer");
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        throw new SQLFeatureNotSupportedException("the login timeout is fixed");
    }

    @Override
    public int getLoginTimeout() {
        return LOGIN_TIMEOUT_SECONDS;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    /** Names the user, never the URL (it may hold options) or the password. */
    @Override
    public String toString() {
        return "DriverDataSource[user=" + user + "]";
    }
}
