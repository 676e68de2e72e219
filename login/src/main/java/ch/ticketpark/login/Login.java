package ch.ticketpark.login;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The one-time login, the executable jar's main class: obtains a refresh token with the user's password and writes it
 * into the application's token store (or prints it), so that the password is typed once and stored nowhere.
 * <p>
 * The order keeps a mistake cheap: the arguments are checked before any secret is asked for, the store before the
 * password is sent, and a secret given as an argument stops everything before anything is sent. Exit codes: 0 done,
 * 1 the grant or the store failed, 2 bad usage ({@link Failure}).
 */
public final class Login {

    private Login() {
    }

    /** Runs one login on the process's terminal (or its stdin), and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, Prompt.ofProcess(), System.out, System.err));
    }

    /**
     * One login, in-process: the secrets are the lines of {@code stdin}, in the order prompted (client secret, the
     * user's password, with {@code --store jdbc} the database password). Never exits the JVM.
     *
     * @return the exit code: 0 done, 1 the grant or the store failed, 2 bad usage
     */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        return run(args, Prompt.lines(stdin, err), out, err);
    }

    static int run(String[] args, Prompt prompt, PrintStream out, PrintStream err) {
        try {
            Arguments arguments = Arguments.parse(args);
            if (arguments.help()) {
                out.print(Arguments.USAGE);
                out.flush();
                return 0;
            }
            if (arguments.target() == Arguments.Target.JDBC) {
                DriverDataSource.requireDriver(arguments.jdbcUrl());
            }
            login(arguments, prompt, out, err);
            return 0;
        } catch (Failure failure) {
            err.println(failure.getMessage());
            if (failure.exitCode() == Failure.USAGE) {
                err.println("Run with --help for the options.");
            }
            return failure.exitCode();
        } catch (RuntimeException e) {
            // unexpected, so its message is unknown: it might quote anything
            err.println("The login failed unexpectedly (" + e.getClass().getName() + "); nothing stored");
            return Failure.FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static void login(Arguments arguments, Prompt prompt, PrintStream out, PrintStream err) {
        char[] clientSecret = null;
        char[] password = null;
        char[] databasePassword = new char[0];
        try {
            clientSecret = prompt.secret("client secret", false);
            password = prompt.secret("password of " + arguments.username(), false);
            if (arguments.target() == Arguments.Target.JDBC) {
                databasePassword = prompt.secret(
                        "database password of " + arguments.jdbcUser() + " (empty line for none)", true);
            }
            Destination destination = destination(arguments, databasePassword);
            destination.prepare();
            String refreshToken = new PasswordGrant(arguments.tokenUrl()).refreshToken(arguments.clientKey(),
                    clientSecret, arguments.username(), password);
            destination.write(refreshToken, out, err);
        } finally {
            clear(clientSecret);
            clear(password);
            clear(databasePassword);
        }
    }

    private static Destination destination(Arguments arguments, char[] databasePassword) {
        return switch (arguments.target()) {
            case FILE -> StoreDestination.file(arguments.directory(), arguments.clientKey(), arguments.username());
            case JDBC -> StoreDestination.jdbc(
                    new DriverDataSource(arguments.jdbcUrl(), arguments.jdbcUser(), databasePassword),
                    arguments.table(), arguments.account(), arguments.createTable());
            case PRINT -> new PrintDestination();
        };
    }

    private static void clear(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
