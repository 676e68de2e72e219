package ch.ticketpark.client.internal.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL for a test class (started in {@code @BeforeAll}, closed in {@code @AfterAll}), with what
 * the tests observe of it: who waits for a lock, and a way to break a connection from outside.
 */
final class Postgres implements AutoCloseable {

    private static final AtomicInteger TABLES = new AtomicInteger();

    private final EmbeddedPostgres server;

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static Postgres start() throws IOException {
        return new Postgres(EmbeddedPostgres.builder().start());
    }

    DataSource dataSource() {
        return server.getPostgresDatabase();
    }

    /** A table name no test has used yet. */
    static String freshTable() {
        return "token_" + TABLES.incrementAndGet();
    }

    /** A DataSource whose database is down: nothing listens on its port. */
    static DataSource down() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[]{"localhost"});
        dataSource.setPortNumbers(new int[]{port});
        dataSource.setDatabaseName("postgres");
        dataSource.setUser("postgres");
        dataSource.setConnectTimeout(5);
        return dataSource;
    }

    /** Runs one statement in autocommit mode. */
    void execute(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The server process that serves the connection. */
    static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** Ends the server process of another connection, as a crash of its client would. */
    void terminate(int pid) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            statement.setInt(1, pid);
            statement.execute();
        }
    }

    /**
     * Returns once a statement that mentions {@code text} waits for a lock (by asking the server, a few times a
     * second); fails after {@code limit}.
     */
    void awaitLockWait(String text, Duration limit) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE wait_event_type = 'Lock' AND position(? in query) > 0")) {
            statement.setString(1, text);
            while (true) {
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    if (row.getInt(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no statement mentioning " + text + " waited for a lock within " + limit);
                }
                Thread.sleep(20);
            }
        }
    }

    /** How many connections are in a transaction they have not ended: a claim left behind would be one. */
    int openTransactions() throws SQLException {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() "
                        + "AND (state LIKE 'idle in transaction%' OR state = 'active')")) {
            row.next();
            return row.getInt(1);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
