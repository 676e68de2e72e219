package ch.ticketpark.login;

import static ch.ticketpark.login.LoginFixtures.ACCESS_1;
import static ch.ticketpark.login.LoginFixtures.CLIENT_SECRET;
import static ch.ticketpark.login.LoginFixtures.PASSWORD;
import static ch.ticketpark.login.LoginFixtures.PLANTED;
import static ch.ticketpark.login.LoginFixtures.REFRESH_1;
import static ch.ticketpark.login.LoginFixtures.SECRETS_TYPED;
import static ch.ticketpark.login.LoginFixtures.TOKEN_PATH;
import static ch.ticketpark.login.LoginFixtures.args;
import static ch.ticketpark.login.LoginFixtures.token;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * The command as a whole: {@code --print}, {@code --help}, the exit codes of bad usage, and that a secret offered as
 * an argument, or missing from the input, stops everything before anything is sent.
 */
class LoginTest {

    @RegisterExtension
    static final WireMockExtension SERVER = LoginFixtures.wireMock();

    @BeforeEach
    void endpointAnswersATokenPair() {
        SERVER.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token(ACCESS_1, REFRESH_1)));
    }

    @Test
    void printWritesExactlyTheRefreshTokenLineToStdoutAndTheWarningToStderr() {
        LoginRun run = LoginRun.of(SECRETS_TYPED, args(SERVER, "--print"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(REFRESH_1 + System.lineSeparator());
        assertThat(run.err()).contains("Client secret: ", "Password of jane+ops@example.com: ",
                "The line on stdout is a refresh token: a secret that grants API access. Put it into "
                        + "ticketpark.refresh-token")
                .doesNotContain(PLANTED);
    }

    @Test
    void aSecretGivenAsAnArgumentIsRefusedWithExitCodeTwoBeforeAnythingIsPromptedOrSent() {
        LoginRun run = LoginRun.of(SECRETS_TYPED, args(SERVER, "--print", "--password", PASSWORD));

        assertThat(run.exitCode()).isEqualTo(Failure.USAGE);
        assertThat(run.err()).startsWith("--password is refused: a secret given as an argument ends up in the shell "
                + "history and the process list.")
                .endsWith("Run with --help for the options." + System.lineSeparator())
                .doesNotContain("Client secret");
        assertThat(run.output()).doesNotContain(PLANTED);
        assertThat(SERVER.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aClientSecretGivenAsAnArgumentIsRefusedToo() {
        LoginRun run = LoginRun.of(SECRETS_TYPED, args(SERVER, "--client-secret=" + CLIENT_SECRET, "--print"));

        assertThat(run.exitCode()).isEqualTo(Failure.USAGE);
        assertThat(run.err()).startsWith("--client-secret is refused");
        assertThat(run.output()).doesNotContain(PLANTED);
        assertThat(SERVER.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void helpPrintsTheUsageOnStdoutAndSendsNothing() {
        LoginRun run = LoginRun.of("", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(Arguments.USAGE).startsWith("Usage: java -jar ticketpark-login-<version>.jar")
                .contains("--store file --directory <dir>", "--store jdbc --jdbc-url <url> --jdbc-user <user>",
                        "--print", "-Djavax.net.ssl.trustStore=<file>",
                        "Exit codes: 0 done, 1 the grant or the store failed, 2 bad usage.");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void badUsageExitsWithTwoAndPointsToHelp() {
        LoginRun run = LoginRun.of(SECRETS_TYPED, args(SERVER));

        assertThat(run.exitCode()).isEqualTo(Failure.USAGE);
        assertThat(run.err()).isEqualTo("Say where the refresh token goes: --store file, --store jdbc or --print"
                + System.lineSeparator() + "Run with --help for the options." + System.lineSeparator());
        assertThat(run.out()).isEmpty();
        assertThat(SERVER.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void inputThatEndsBeforeThePasswordSendsNothing() {
        LoginRun run = LoginRun.of(CLIENT_SECRET + "\n", args(SERVER, "--print"));

        assertThat(run.exitCode()).isEqualTo(Failure.USAGE);
        assertThat(run.err()).contains("No password of jane+ops@example.com given: the input ended");
        assertThat(run.output()).doesNotContain(PLANTED);
        assertThat(SERVER.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void anEmptyClientSecretSendsNothing() {
        LoginRun run = LoginRun.of("\n" + PASSWORD + "\n", args(SERVER, "--print"));

        assertThat(run.exitCode()).isEqualTo(Failure.USAGE);
        assertThat(run.err()).contains("No client secret given: the answer was empty");
        assertThat(SERVER.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aJdbcUrlNoDriverTakesFailsBeforeAnythingIsPrompted() {
        LoginRun run = LoginRun.of(SECRETS_TYPED, args(SERVER, "--store", "jdbc", "--jdbc-url",
                "jdbc:nosuchdb://db.example/app?ssl=true", "--jdbc-user", "app"));

        assertThat(run.exitCode()).isEqualTo(Failure.USAGE);
        assertThat(run.err()).startsWith("No JDBC driver for jdbc:nosuchdb on the class path: the jar brings "
                + "PostgreSQL's; for another database run java -cp ticketpark-login-<version>.jar:<driver.jar> "
                + "ch.ticketpark.login.Login ...")
                .doesNotContain("Client secret", "db.example");
        assertThat(SERVER.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
