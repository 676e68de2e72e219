package ch.ticketpark.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import ch.ticketpark.client.internal.config.Urls;

/**
 * The command's options, all of them non-secret. A secret is never accepted as an argument: it would end up in the
 * shell history and the process list. An option whose name says it holds one ({@code --password},
 * {@code --client-secret}, {@code --refresh-token}, …) is refused with the reason, and no value of a refused or
 * unknown argument is ever echoed.
 *
 * @param help {@code --help}: print the usage, nothing else
 * @param tokenUrl the token endpoint: https, or plain http to a loopback host (the library's rule)
 * @param clientKey the API client's key
 * @param username the user whose password is prompted for
 * @param target where the refresh token goes
 * @param directory {@code --store file}: the store's directory
 * @param jdbcUrl {@code --store jdbc}: the database
 * @param jdbcUser {@code --store jdbc}: the database user
 * @param table {@code --store jdbc}: the token table
 * @param createTable {@code --store jdbc}: create the table if it is missing
 */
record Arguments(boolean help, URI tokenUrl, String clientKey, String username, Target target, Path directory,
        String jdbcUrl, String jdbcUser, String table, boolean createTable) {

    static final URI DEFAULT_TOKEN_URL = URI.create("https://api.ticketpark.ch/oauth/v2/token");
    static final String DEFAULT_TABLE = "ticketpark_token";

    static final String USAGE = """
            Usage: java -jar ticketpark-login-<version>.jar --client-key <key> --username <user> <destination>
                   [--token-url <url>]

            Obtains a refresh token once with the user's password (the OAuth password grant) and stores it where
            the application reads it, so that the application runs without a stored password.

            It prompts for the client secret and the user's password (with --store jdbc also the database
            password), without echo on a terminal; without a terminal it reads one line of stdin for each.
            Secrets are never taken from arguments: they would end up in the shell history.

            Options:
              --token-url <url>    the token endpoint (default https://api.ticketpark.ch/oauth/v2/token);
                                   https, or plain http to a loopback host only
              --client-key <key>   the API client's key
              --username <user>    the Ticketpark user
              --help               print this text

            Destination, exactly one of:
              --store file --directory <dir>
                                   the token file of the account in <dir>, the directory the application's
                                   ticketpark.token-store.directory names
              --store jdbc --jdbc-url <url> --jdbc-user <user> [--table <name>] [--create-table]
                                   the account's row (<client key>/<username>) in the token table (default
                                   ticketpark_token); --create-table creates the table if it is missing.
                                   The jar brings the PostgreSQL driver; for another database add its driver:
                                   java -cp ticketpark-login-<version>.jar:<driver.jar> \\
                                     ch.ticketpark.login.Login ...
              --print              print the refresh token on stdout instead, for ticketpark.refresh-token
                                   (a secret: it grants API access)

            A token state already stored for the account is replaced (a new login after the chain of refresh
            tokens ended). HTTPS with a certificate of a private CA: java -Djavax.net.ssl.trustStore=<file> ...;
            through a proxy: java -Dhttps.proxyHost=<host> -Dhttps.proxyPort=<port> ...

            Exit codes: 0 done, 1 the grant or the store failed, 2 bad usage.
            """;

    /** Where the refresh token goes. */
    enum Target {
        FILE, JDBC, PRINT
    }

    /** What {@code JdbcTokenStore} accepts as a table name (it refuses others too: this rule says so sooner). */
    private static final Pattern TABLE_NAME = Pattern
            .compile("(?:[A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*");
    /** The longest account id the jdbc store keeps. */
    private static final int MAX_ACCOUNT_LENGTH = 255;

    private static final Set<String> WITH_VALUE = Set.of("--token-url", "--client-key", "--username", "--store",
            "--directory", "--jdbc-url", "--jdbc-user", "--table");
    private static final Set<String> FLAGS = Set.of("--help", "--print", "--create-table");
    /** Words in an option's name that say it would carry a secret. */
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "secret", "credential",
            "token");
    private static final Set<String> JDBC_OPTIONS = Set.of("--jdbc-url", "--jdbc-user", "--table", "--create-table");

    /**
     * @throws Failure (usage) naming the option at fault, never a value
     */
    static Arguments parse(String... args) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (!arg.startsWith("--")) {
                throw Failure.usage("Unexpected argument " + (i + 1) + " (not shown: it might be a secret); every "
                        + "option starts with --");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            refuseSecret(name);
            if (FLAGS.contains(name)) {
                if (equals >= 0) {
                    throw Failure.usage(name + " takes no value");
                }
                if (!flags.add(name)) {
                    throw Failure.usage(name + " is given twice");
                }
            } else if (WITH_VALUE.contains(name)) {
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    throw Failure.usage(name + " needs a value");
                }
                if (values.put(name, value) != null) {
                    throw Failure.usage(name + " is given twice");
                }
            } else {
                throw Failure.usage("Unknown option " + name);
            }
        }
        if (flags.contains("--help")) {
            return new Arguments(true, DEFAULT_TOKEN_URL, null, null, null, null, null, null, null, false);
        }
        return validated(values, flags);
    }

    /** Refuses an option named like a secret, whatever it is, before anything is prompted or sent. */
    private static void refuseSecret(String name) {
        String words = name.substring(2).toLowerCase(Locale.ROOT);
        if (name.equals("--token-url") || SECRET_WORDS.stream().noneMatch(words::contains)) {
            return;
        }
        throw Failure.usage(name + " is refused: a secret given as an argument ends up in the shell history and "
                + "the process list. The tool prompts for the client secret, the user's password and the database "
                + "password, and obtains the tokens itself. Nothing was sent.");
    }

    private static Arguments validated(Map<String, String> values, Set<String> flags) {
        URI tokenUrl = tokenUrl(values.getOrDefault("--token-url", DEFAULT_TOKEN_URL.toString()));
        String clientKey = required(values, "--client-key");
        if (clientKey.indexOf(':') >= 0) {
            throw Failure.usage("--client-key must not contain ':' (HTTP Basic authentication splits there)");
        }
        String username = required(values, "--username");
        Target target = target(values.get("--store"), flags.contains("--print"));
        if (target != Target.FILE && values.containsKey("--directory")) {
            throw Failure.usage("--directory belongs to --store file");
        }
        if (target != Target.JDBC) {
            Optional<String> jdbcOption = JDBC_OPTIONS.stream()
                    .filter(option -> values.containsKey(option) || flags.contains(option)).sorted().findFirst();
            if (jdbcOption.isPresent()) {
                throw Failure.usage(jdbcOption.get() + " belongs to --store jdbc");
            }
        }
        return switch (target) {
            case FILE -> new Arguments(false, tokenUrl, clientKey, username, target,
                    directory(required(values, "--directory")), null, null, null, false);
            case JDBC -> jdbc(values, flags, tokenUrl, clientKey, username);
            case PRINT -> new Arguments(false, tokenUrl, clientKey, username, target, null, null, null, null, false);
        };
    }

    private static Arguments jdbc(Map<String, String> values, Set<String> flags, URI tokenUrl, String clientKey,
            String username) {
        String jdbcUrl = required(values, "--jdbc-url");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw Failure.usage("--jdbc-url must start with jdbc:");
        }
        if (jdbcUrl.toLowerCase(Locale.ROOT).contains("password")) {
            throw Failure.usage("--jdbc-url must not hold a password: it would end up in the shell history; the tool "
                    + "prompts for it. Nothing was sent.");
        }
        String jdbcUser = required(values, "--jdbc-user");
        String table = values.getOrDefault("--table", DEFAULT_TABLE);
        if (!TABLE_NAME.matcher(table).matches()) {
            throw Failure.usage("--table must be a plain SQL identifier [A-Za-z_][A-Za-z0-9_]*, optionally "
                    + "schema-qualified (schema.table)");
        }
        if (account(clientKey, username).length() > MAX_ACCOUNT_LENGTH) {
            throw Failure.usage("--client-key and --username together are too long for the token table's account "
                    + "column (" + MAX_ACCOUNT_LENGTH + " characters)");
        }
        return new Arguments(false, tokenUrl, clientKey, username, Target.JDBC, null, jdbcUrl, jdbcUser, table,
                flags.contains("--create-table"));
    }

    /** The jdbc store's account id, as the application forms it. */
    static String account(String clientKey, String username) {
        return clientKey + "/" + username;
    }

    String account() {
        return account(clientKey, username);
    }

    private static URI tokenUrl(String value) {
        URI url;
        try {
            url = new URI(value);
        } catch (URISyntaxException e) {
            throw Failure.usage("--token-url is not a valid URL");
        }
        Optional<String> problem = Urls.whyNotAllowed(url);
        if (problem.isPresent()) {
            throw Failure.usage("--token-url " + problem.get());
        }
        return url;
    }

    private static Target target(String store, boolean print) {
        if (store == null && !print) {
            throw Failure.usage("Say where the refresh token goes: --store file, --store jdbc or --print");
        }
        if (store != null && print) {
            throw Failure.usage("--store and --print exclude each other");
        }
        if (print) {
            return Target.PRINT;
        }
        return switch (store) {
            case "file" -> Target.FILE;
            case "jdbc" -> Target.JDBC;
            default -> throw Failure.usage("--store must be file or jdbc");
        };
    }

    private static Path directory(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw Failure.usage("--directory is not a valid path");
        }
    }

    private static String required(Map<String, String> values, String option) {
        String value = values.get(option);
        if (value == null) {
            throw Failure.usage(option + " is required");
        }
        if (value.isBlank()) {
            throw Failure.usage(option + " must not be blank");
        }
        return value;
    }
}
