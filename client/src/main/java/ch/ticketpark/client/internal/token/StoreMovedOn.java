package ch.ticketpark.client.internal.token;

/**
 * An attempt found a newer state in the token store than this client knew, whose access token does not serve the
 * request: the chain took its refresh token, and the next attempt goes out with it. Never reaches a caller.
 */
final class StoreMovedOn extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoreMovedOn() {
        super("the token store holds a newer state", null, false, false);
    }
}
