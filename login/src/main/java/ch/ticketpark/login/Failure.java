package ch.ticketpark.login;

/**
 * Ends a login with a one-line message for the operator and the exit code the process ends with. The message is
 * printed as it is, so it never holds a secret or a token: every one is written in this package, and a foreign
 * exception's message is only ever added where it cannot hold one (the token stores promise it, the HTTP client's
 * are about the connection).
 */
final class Failure extends RuntimeException {

    /** The grant or the store failed. */
    static final int FAILED = 1;
    /** The command was wrong: bad arguments, a missing secret, no driver for the database. */
    static final int USAGE = 2;

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private Failure(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static Failure usage(String message) {
        return new Failure(message, USAGE);
    }

    static Failure failed(String message) {
        return new Failure(message, FAILED);
    }

    int exitCode() {
        return exitCode;
    }
}
