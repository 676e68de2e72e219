package ch.ticketpark.login;

import static ch.ticketpark.login.LoginFixtures.CLIENT_KEY;
import static ch.ticketpark.login.LoginFixtures.USERNAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ch.ticketpark.login.Arguments.Target;

/** The non-secret options: their defaults, the combinations that make sense, and the refusal of secret ones. */
class ArgumentsTest {

    private static final String[] ACCOUNT = {"--client-key", CLIENT_KEY, "--username", USERNAME};

    @Test
    void aFileLoginNeedsTheAccountAndTheDirectoryAndDefaultsToTicketparksTokenEndpoint() {
        Arguments arguments = parse("--store", "file", "--directory", "/var/lib/app/tokens");

        assertThat(arguments.help()).isFalse();
        assertThat(arguments.tokenUrl()).isEqualTo(URI.create("https://api.ticketpark.ch/oauth/v2/token"));
        assertThat(arguments.clientKey()).isEqualTo(CLIENT_KEY);
        assertThat(arguments.username()).isEqualTo(USERNAME);
        assertThat(arguments.target()).isEqualTo(Target.FILE);
        assertThat(arguments.directory()).isEqualTo(Path.of("/var/lib/app/tokens"));
        assertThat(arguments.jdbcUrl()).isNull();
    }

    @Test
    void aJdbcLoginDefaultsToTheTicketparkTokenTableAndItsAccountIsClientKeySlashUsername() {
        Arguments arguments = parse("--store", "jdbc", "--jdbc-url", "jdbc:postgresql://db/app", "--jdbc-user",
                "app");

        assertThat(arguments.target()).isEqualTo(Target.JDBC);
        assertThat(arguments.jdbcUrl()).isEqualTo("jdbc:postgresql://db/app");
        assertThat(arguments.jdbcUser()).isEqualTo("app");
        assertThat(arguments.table()).isEqualTo("ticketpark_token");
        assertThat(arguments.createTable()).isFalse();
        assertThat(arguments.account()).isEqualTo(CLIENT_KEY + "/" + USERNAME);
    }

    @Test
    void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() {
        Arguments arguments = Arguments.parse("--token-url=http://localhost:8080/oauth/v2/token",
                "--client-key=" + CLIENT_KEY, "--username", USERNAME, "--store=jdbc", "--jdbc-url",
                "jdbc:postgresql://db/app", "--jdbc-user=app", "--table", "tp.tokens", "--create-table");

        assertThat(arguments.tokenUrl()).isEqualTo(URI.create("http://localhost:8080/oauth/v2/token"));
        assertThat(arguments.clientKey()).isEqualTo(CLIENT_KEY);
        assertThat(arguments.table()).isEqualTo("tp.tokens");
        assertThat(arguments.createTable()).isTrue();
    }

    @Test
    void printNeedsNothingElse() {
        assertThat(parse("--print").target()).isEqualTo(Target.PRINT);
    }

    @Test
    void helpWinsOverEverythingMissing() {
        assertThat(Arguments.parse("--help").help()).isTrue();
        assertThat(Arguments.parse("-h").help()).isTrue();
        assertThat(Arguments.parse("--client-key", CLIENT_KEY, "--help").help()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--password", "--client-secret", "--secret", "--db-password", "--jdbc-password",
            "--refresh-token", "--access-token", "--token", "--passwd", "--PASSWORD", "--credentials"})
    void anOptionNamedLikeASecretIsRefusedWithTheReasonAndWithoutItsValue(String option) {
        assertUsage(() -> parse(option, "hunter2-PLANT"), option + " is refused: a secret given as an argument ends "
                + "up in the shell history and the process list. The tool prompts for the client secret, the user's "
                + "password and the database password, and obtains the tokens itself. Nothing was sent.");
        assertUsage(() -> parse(option + "=hunter2-PLANT"), option + " is refused: a secret given as an argument");
    }

    @Test
    void aSecretOptionIsRefusedEvenBeforeHelp() {
        assertUsage(() -> Arguments.parse("--help", "--client-secret=hunter2-PLANT"), "--client-secret is refused");
    }

    @Test
    void aWordThatIsNoOptionIsNotEchoed() {
        assertUsage(() -> Arguments.parse("--client-key", CLIENT_KEY, "hunter2-PLANT"),
                "Unexpected argument 3 (not shown: it might be a secret); every option starts with --");
    }

    @Test
    void anUnknownOptionIsNamedWithoutItsValue() {
        assertUsage(() -> parse("--print", "--verbose=hunter2-PLANT"), "Unknown option --verbose");
    }

    @Test
    void theTokenUrlFollowsTheLibrarysTransportRule() {
        assertUsage(() -> parse("--print", "--token-url", "http://api.ticketpark.ch/oauth/v2/token"),
                "--token-url uses plain http to api.ticketpark.ch, which is refused: use https (plain http is allowed "
                        + "for loopback hosts only)");
        assertUsage(() -> parse("--print", "--token-url", "https://user:hunter2-PLANT@api.ticketpark.ch/token"),
                "--token-url must not contain user information");
        assertUsage(() -> parse("--print", "--token-url", "api.ticketpark.ch"),
                "--token-url must be an absolute http(s) URL");
        assertUsage(() -> parse("--print", "--token-url", "https://x y"), "--token-url is not a valid URL");
        assertThat(parse("--print", "--token-url", "http://127.0.0.1:1/t").tokenUrl())
                .isEqualTo(URI.create("http://127.0.0.1:1/t"));
    }

    @Test
    void theAccountIsRequired() {
        assertUsage(() -> Arguments.parse("--username", USERNAME, "--print"), "--client-key is required");
        assertUsage(() -> Arguments.parse("--client-key", CLIENT_KEY, "--print"), "--username is required");
        assertUsage(() -> Arguments.parse("--client-key", " ", "--username", USERNAME, "--print"),
                "--client-key must not be blank");
        assertUsage(() -> Arguments.parse("--client-key", "a:b", "--username", USERNAME, "--print"),
                "--client-key must not contain ':' (HTTP Basic authentication splits there)");
    }

    @Test
    void anOptionWithoutItsValueOrGivenTwiceIsRefused() {
        assertUsage(() -> parse("--store"), "--store needs a value");
        assertUsage(() -> parse("--store", "--print"), "--store needs a value");
        assertUsage(() -> parse("--print", "--print"), "--print is given twice");
        assertUsage(() -> parse("--print=yes"), "--print takes no value");
        assertUsage(() -> Arguments.parse("--client-key", "a", "--client-key", "b"), "--client-key is given twice");
    }

    @Test
    void exactlyOneDestination() {
        assertUsage(() -> parse(), "Say where the refresh token goes: --store file, --store jdbc or --print");
        assertUsage(() -> parse("--print", "--store", "file", "--directory", "d"),
                "--store and --print exclude each other");
        assertUsage(() -> parse("--store", "cloud"), "--store must be file or jdbc");
    }

    @Test
    void eachDestinationTakesOnlyItsOwnOptions() {
        assertUsage(() -> parse("--store", "file"), "--directory is required");
        assertUsage(() -> parse("--print", "--directory", "d"), "--directory belongs to --store file");
        assertUsage(() -> parse("--store", "file", "--directory", "d", "--create-table"),
                "--create-table belongs to --store jdbc");
        assertUsage(() -> parse("--print", "--table", "t"), "--table belongs to --store jdbc");
        assertUsage(() -> parse("--store", "jdbc", "--jdbc-user", "app"), "--jdbc-url is required");
        assertUsage(() -> parse("--store", "jdbc", "--jdbc-url", "jdbc:postgresql://db/app"),
                "--jdbc-user is required");
        assertUsage(() -> parse("--store", "jdbc", "--jdbc-url", "jdbc:h2:mem", "--jdbc-user", "a", "--directory",
                "d"), "--directory belongs to --store file");
    }

    @Test
    void theJdbcUrlIsAJdbcUrlWithoutAPassword() {
        assertUsage(() -> parse("--store", "jdbc", "--jdbc-url", "postgresql://db/app", "--jdbc-user", "app"),
                "--jdbc-url must start with jdbc:");
        assertUsage(() -> parse("--store", "jdbc", "--jdbc-url", "jdbc:postgresql://db/app?user=a&Password=PLANT",
                "--jdbc-user", "app"), "--jdbc-url must not hold a password: it would end up in the shell history; "
                        + "the tool prompts for it. Nothing was sent.");
    }

    @Test
    void theTableIsAPlainOrSchemaQualifiedIdentifierAndTheAccountFitsItsColumn() {
        String[] jdbc = {"--store", "jdbc", "--jdbc-url", "jdbc:postgresql://db/app", "--jdbc-user", "app"};
        assertUsage(() -> parse(concat(jdbc, "--table", "tokens; DROP TABLE x")),
                "--table must be a plain SQL identifier [A-Za-z_][A-Za-z0-9_]*, optionally schema-qualified "
                        + "(schema.table)");
        assertUsage(() -> parse(concat(jdbc, "--table", "a.b.c")), "--table must be a plain SQL identifier");
        assertThat(parse(concat(jdbc, "--table", "_T1")).table()).isEqualTo("_T1");
        String longUser = "u".repeat(255 - CLIENT_KEY.length());
        assertUsage(() -> Arguments.parse(concat(new String[]{"--client-key", CLIENT_KEY, "--username", longUser},
                jdbc)), "--client-key and --username together are too long for the token table's account column "
                        + "(255 characters)");
        assertThat(Arguments.parse(concat(new String[]{"--client-key", CLIENT_KEY, "--username", longUser
                .substring(1)}, jdbc)).account()).hasSize(255);
    }

    private static Arguments parse(String... args) {
        return Arguments.parse(concat(ACCOUNT, args));
    }

    private static String[] concat(String[] first, String... second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static void assertUsage(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(Failure.class).hasMessageStartingWith(message)
                .hasMessageNotContaining("PLANT")
                .extracting(failure -> ((Failure) failure).exitCode()).isEqualTo(Failure.USAGE);
    }
}
