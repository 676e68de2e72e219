package ch.ticketpark.client.internal.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import ch.ticketpark.client.spi.StoredTokens;

/**
 * The SQL of one token table (see {@link JdbcTokenStore} for its DDL), built once from its validated name, and how a
 * row maps to and from {@link StoredTokens}. Plain SQL only, every value a bind parameter: the table's name is the one
 * piece written into the statements, which is why it must be a plain identifier.
 */
final class TokenTable {

    /** The rule a table name follows; an exception that refuses a name quotes it. */
    static final String NAME_RULE = "a plain SQL identifier [A-Za-z_][A-Za-z0-9_]*, optionally schema-qualified "
            + "(schema.table)";
    /** The longest token the columns hold, in characters. */
    static final int TOKEN_LENGTH = 4000;
    /** The longest account id the key column holds, in characters. */
    static final int ACCOUNT_LENGTH = 255;

    private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";
    private static final Pattern NAME = Pattern.compile("(?:(" + IDENTIFIER + ")\\.)?(" + IDENTIFIER + ")");
    private static final String COLUMNS = "version, refresh_token, access_token, obtained_at, expires_at";

    private final String name;
    private final String schema;
    private final String table;

    private TokenTable(String name, String schema, String table) {
        this.name = name;
        this.schema = schema;
        this.table = table;
    }

    /** @throws IllegalArgumentException if {@code name} does not follow {@link #NAME_RULE} */
    static TokenTable named(String name) {
        var matcher = NAME.matcher(name == null ? "" : name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("The token table's name must be " + NAME_RULE + ", not '" + name + "'");
        }
        return new TokenTable(name, matcher.group(1), matcher.group(2));
    }

    /** The name as configured, schema included. */
    String name() {
        return name;
    }

    /** The schema part of the name, or {@code null}: the connection's current schema. */
    String schema() {
        return schema;
    }

    /** The table part of the name. */
    String table() {
        return table;
    }

    /** The DDL, as {@link JdbcTokenStore}'s javadoc shows it (without the comments). */
    String createTable() {
        return "CREATE TABLE " + name + " (\n"
                + "    account       VARCHAR(" + ACCOUNT_LENGTH + ") NOT NULL PRIMARY KEY,\n"
                + "    version       NUMERIC(19)  NOT NULL,\n"
                + "    refresh_token VARCHAR(" + TOKEN_LENGTH + "),\n"
                + "    access_token  VARCHAR(" + TOKEN_LENGTH + "),\n"
                + "    obtained_at   NUMERIC(19),\n"
                + "    expires_at    NUMERIC(19),\n"
                + "    updated_at    NUMERIC(19)  NOT NULL\n"
                + ")";
    }

    void create(Connection connection, int seconds) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(seconds);
            statement.execute(createTable());
        }
    }

    /** An account's row as read: the state it holds, empty for the version-0 row {@link #insertEmpty} writes. */
    record Row(Optional<StoredTokens> state) {
    }

    /**
     * The account's row, if there is one; {@code forUpdate} locks it until the transaction ends.
     *
     * @throws IllegalArgumentException if the row holds no valid state (the message names the field, never a value)
     */
    Optional<Row> select(Connection connection, String account, int seconds, boolean forUpdate)
            throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM " + name + " WHERE account = ?" + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, seconds)) {
            statement.setString(1, account);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new Row(read(row))) : Optional.empty();
            }
        }
    }

    private static Optional<StoredTokens> read(ResultSet row) throws SQLException {
        long version = row.getLong(1);
        if (version == 0) {
            return Optional.empty();
        }
        String refreshToken = row.getString(2);
        String accessToken = row.getString(3);
        Instant obtainedAt = instant(row, 4);
        Instant expiresAt = instant(row, 5);
        return Optional.of(new StoredTokens(refreshToken, accessToken, obtainedAt, expiresAt, version));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** Replaces the account's row of version {@code expectedVersion} by {@code next}: the number of rows changed. */
    int update(Connection connection, String account, long expectedVersion, StoredTokens next, int seconds)
            throws SQLException {
        String sql = "UPDATE " + name + " SET version = ?, refresh_token = ?, access_token = ?, obtained_at = ?, "
                + "expires_at = ?, updated_at = ? WHERE account = ? AND version = ?";
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, seconds)) {
            bind(statement, next);
            statement.setString(7, account);
            statement.setLong(8, expectedVersion);
            return statement.executeUpdate();
        }
    }

    /** Inserts the account's row holding {@code next}; fails with a duplicate key if the row exists. */
    void insert(Connection connection, String account, StoredTokens next, int seconds) throws SQLException {
        String sql = "INSERT INTO " + name + " (" + COLUMNS + ", updated_at, account) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, seconds)) {
            bind(statement, next);
            statement.setString(7, account);
            statement.executeUpdate();
        }
    }

    /** Inserts the account's row that holds nothing (version 0), to be locked; fails if the row exists. */
    void insertEmpty(Connection connection, String account, int seconds) throws SQLException {
        String sql = "INSERT INTO " + name + " (account, version, updated_at) VALUES (?, 0, ?)";
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, seconds)) {
            statement.setString(1, account);
            statement.setLong(2, System.currentTimeMillis());
            statement.executeUpdate();
        }
    }

    /** Binds the state to parameters 1 to 6: the columns of {@link #COLUMNS}, then {@code updated_at}. */
    private static void bind(PreparedStatement statement, StoredTokens next) throws SQLException {
        statement.setLong(1, next.version());
        statement.setString(2, fitting("refreshToken", next.refreshToken()));
        if (next.hasAccessToken()) {
            statement.setString(3, fitting("accessToken", next.accessToken()));
            statement.setLong(4, next.obtainedAt().toEpochMilli());
            statement.setLong(5, next.expiresAt().toEpochMilli());
        } else {
            statement.setNull(3, Types.VARCHAR);
            statement.setNull(4, Types.NUMERIC);
            statement.setNull(5, Types.NUMERIC);
        }
        statement.setLong(6, System.currentTimeMillis());
    }

    private static String fitting(String field, String token) {
        if (token.length() > TOKEN_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than the token table holds (" + TOKEN_LENGTH
                    + " characters)");
        }
        return token;
    }

    /**
     * Whether the table exists, as far as the connection's {@link DatabaseMetaData} tells: looked up as the database
     * stores an identifier written unquoted (PostgreSQL folds it to lower case; Oracle, Db2 and H2 to upper case),
     * in the schema named, else in the connection's current one.
     */
    boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String storedTable = folded(meta, table);
        String storedSchema = schema == null ? currentSchema(connection) : folded(meta, schema);
        String catalog = schema == null ? connection.getCatalog() : null;
        String escape = meta.getSearchStringEscape();
        try (ResultSet tables = meta.getTables(catalog, pattern(storedSchema, escape), pattern(storedTable, escape),
                null)) {
            while (tables.next()) {
                if (storedTable.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String folded(DatabaseMetaData meta, String identifier) throws SQLException {
        if (meta.storesUpperCaseIdentifiers()) {
            return identifier.toUpperCase(Locale.ROOT);
        }
        return meta.storesLowerCaseIdentifiers() ? identifier.toLowerCase(Locale.ROOT) : identifier;
    }

    private static String currentSchema(Connection connection) {
        try {
            return connection.getSchema();
        } catch (SQLException e) {
            return null; // a driver that does not say: any schema
        }
    }

    /** The identifier as a look-up pattern: {@code _} matches any character unless escaped. */
    private static String pattern(String identifier, String escape) {
        if (identifier == null || escape == null || escape.isEmpty()) {
            return identifier;
        }
        return identifier.replace("_", escape + "_");
    }
}
