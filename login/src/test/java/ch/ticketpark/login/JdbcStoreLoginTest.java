package ch.ticketpark.login;

import static ch.ticketpark.login.LoginFixtures.ACCESS_1;
import static ch.ticketpark.login.LoginFixtures.ACCESS_2;
import static ch.ticketpark.login.LoginFixtures.CLIENT_KEY;
import static ch.ticketpark.login.LoginFixtures.DATABASE_PASSWORD;
import static ch.ticketpark.login.LoginFixtures.PLANTED;
import static ch.ticketpark.login.LoginFixtures.REFRESH_1;
import static ch.ticketpark.login.LoginFixtures.REFRESH_2;
import static ch.ticketpark.login.LoginFixtures.SECRETS_TYPED;
import static ch.ticketpark.login.LoginFixtures.TOKEN_PATH;
import static ch.ticketpark.login.LoginFixtures.USERNAME;
import static ch.ticketpark.login.LoginFixtures.args;
import static ch.ticketpark.login.LoginFixtures.token;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import ch.ticketpark.client.internal.store.JdbcTokenStore;
import ch.ticketpark.client.spi.StoredTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@code --store jdbc} against a real PostgreSQL (one embedded server for the class, a fresh table for each test),
 * through {@code DriverManager} and the PostgreSQL driver as the jar runs it: the table created on request, the
 * account's row replaced by a later login, and a missing table or a database that is down found before the password
 * is sent.
 */
class JdbcStoreLoginTest {

    private static final String ACCOUNT = CLIENT_KEY + "/" + USERNAME;
    private static final AtomicInteger TABLES = new AtomicInteger();

    @RegisterExtension
    static final WireMockExtension SERVER = LoginFixtures.wireMock();

    private static EmbeddedPostgres postgres;

    private String table;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void freshTable() {
        table = "login_token_" + TABLES.incrementAndGet();
    }

    @Test
    void createTableThenTheRefreshTokenIsTheAccountsRowAsVersionOne() {
        SERVER.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token(ACCESS_1, REFRESH_1)));

        LoginRun run = login(postgresUrl(), "--create-table");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(store().load()).contains(StoredTokens.ofRefreshToken(REFRESH_1, 1));
        assertThat(run.out()).isEqualTo("Stored a new refresh token as version 1 in table " + table + ", account '"
                + ACCOUNT + "'" + System.lineSeparator());
        assertThat(run.err()).contains("Database password of postgres (empty line for none): ");
        assertThat(run.output()).doesNotContain(PLANTED).doesNotContain(postgresUrl());
    }

    @Test
    void aSecondLoginReplacesVersionOneByTwo() {
        SERVER.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token(ACCESS_1, REFRESH_1)));
        assertThat(login(postgresUrl(), "--create-table").exitCode()).isZero();
        SERVER.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token(ACCESS_2, REFRESH_2)));

        LoginRun run = login(postgresUrl());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(store().load()).contains(StoredTokens.ofRefreshToken(REFRESH_2, 2));
        assertThat(run.out()).isEqualTo("Stored a new refresh token as version 2 in table " + table + ", account '"
                + ACCOUNT + "', replacing version 1" + System.lineSeparator());
        assertThat(run.output()).doesNotContain(PLANTED);
    }

    @Test
    void aMissingTableWithoutCreateTableStopsTheLoginBeforeThePasswordIsSent() {
        SERVER.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token(ACCESS_1, REFRESH_1)));

        LoginRun run = login(postgresUrl());

        assertThat(run.exitCode()).isEqualTo(Failure.FAILED);
        assertThat(run.err()).contains("Cannot use the token store: JDBC token store (table " + table
                + ", account '" + ACCOUNT + "'): load failed: SQLState 42P01")
                .contains(" - the table does not exist: add --create-table, or have it created; nothing sent");
        assertThat(run.output()).doesNotContain(PLANTED);
        assertThat(SERVER.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aDatabaseThatIsDownStopsTheLoginBeforeThePasswordIsSent() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SERVER.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token(ACCESS_1, REFRESH_1)));

        LoginRun run = login("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "--create-table");

        assertThat(run.exitCode()).isEqualTo(Failure.FAILED);
        assertThat(run.err()).contains("Cannot use the token store: JDBC token store (table " + table)
                .contains("creating the table failed: SQLState 08001")
                .contains(" - cannot connect to the database; nothing sent");
        assertThat(run.output()).doesNotContain(PLANTED);
        assertThat(SERVER.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    private LoginRun login(String jdbcUrl, String... more) {
        String[] options = {"--store", "jdbc", "--jdbc-url", jdbcUrl, "--jdbc-user", "postgres", "--table", table};
        String[] all = new String[options.length + more.length];
        System.arraycopy(options, 0, all, 0, options.length);
        System.arraycopy(more, 0, all, options.length, more.length);
        // the embedded server trusts local connections: the password typed is ignored, and must show nowhere
        return LoginRun.of(SECRETS_TYPED + DATABASE_PASSWORD + "\n", args(SERVER, all));
    }

    private static String postgresUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    private JdbcTokenStore store() {
        DataSource dataSource = postgres.getPostgresDatabase();
        return new JdbcTokenStore(dataSource, table, ACCOUNT, Duration.ofSeconds(10));
    }
}
