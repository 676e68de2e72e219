package it.servers;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for the servers of a test (embedded: the binaries come from Maven Central), started by the test
 * JVM. {@link #dataSourceXml(String)} is the {@code server.xml} part that gives a {@link LibertyServer} the data source
 * {@code jdbc/ticketpark} on it, as {@code docs/token-lifecycle.md} documents it, with the PostgreSQL driver the test
 * JVM uses; each server's connections carry its label as {@code application_name}, so that the test can see which
 * server holds a row lock ({@link #holdingATransactionOpen()}).
 */
public final class Postgres implements AutoCloseable {

    /** The JNDI name of the data source of {@link #dataSourceXml(String)}. */
    public static final String JNDI_NAME = "jdbc/ticketpark";

    private final EmbeddedPostgres server;

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static Postgres start() throws IOException {
        return new Postgres(EmbeddedPostgres.builder().start());
    }

    /**
     * The feature, the driver's library and the data source {@value #JNDI_NAME}: not transactional (the library's
     * claim is its own transaction, outside any of the application), connections named {@code label}.
     */
    public String dataSourceXml(String label) {
        return """
                <featureManager>
                    <feature>jdbc-4.3</feature>
                </featureManager>
                <library id="postgresql"><file name="%s"/></library>
                <dataSource id="ticketpark" jndiName="%s" transactional="false">
                    <jdbcDriver libraryRef="postgresql"/>
                    <properties.postgresql serverName="localhost" portNumber="%d" databaseName="postgres"
                                           user="postgres" password="postgres" applicationName="%s"/>
                </dataSource>
                """.formatted(driverJar(), JNDI_NAME, server.getPort(), label);
    }

    /**
     * The {@code application_name} of each connection that is idle inside an open transaction: a server that holds a
     * claim (a row locked {@code FOR UPDATE}) while its token request is on its way.
     */
    public List<String> holdingATransactionOpen() throws SQLException {
        return strings("SELECT application_name FROM pg_stat_activity WHERE state = 'idle in transaction'"
                + " AND application_name <> '' ORDER BY application_name");
    }

    /** The stored version of the one account's row of {@code table}, if there is a row. */
    public Optional<Long> storedVersion(String table) throws SQLException {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("a plain table name: " + table);
        }
        List<String> versions = strings("SELECT version FROM " + table);
        if (versions.size() > 1) {
            throw new AssertionError("more than one account in " + table + ": " + versions.size() + " rows");
        }
        return versions.stream().findFirst().map(Long::valueOf);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** The PostgreSQL driver's jar, as the test JVM loaded it. */
    private static Path driverJar() {
        try {
            return Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the PostgreSQL driver's location", e);
        }
    }
}
