package ch.ticketpark.sandbox.store;

/**
 * A refused store operation, with the HTTP status the API answers it with: 403 (a record of the foreign host), 404
 * (unknown pid) or 409 (invalid payload or query, or a record still referenced).
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final int FORBIDDEN = 403;
    public static final int NOT_FOUND = 404;
    public static final int CONFLICT = 409;

    private final int status;

    public StoreException(int status, String message) {
        // no stack trace: a refusal is an expected answer
        super(message, null, false, false);
        this.status = status;
    }

    public static StoreException notFound(String collection, String pid) {
        return new StoreException(NOT_FOUND, "No " + collection + " record with pid " + pid);
    }

    public static StoreException invalid(String message) {
        return new StoreException(CONFLICT, message);
    }

    public int status() {
        return status;
    }
}
