package ch.ticketpark.client;

import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;

import ch.ticketpark.client.exception.TicketparkException;
import ch.ticketpark.client.exception.TokenRejectedException;

/**
 * The replay rule of {@link ReplayWithNewToken} as a plain method, for calls made from default methods: runs the call,
 * and if the API rejected its token (401) runs it once more. The rejected token has already been forgotten by then,
 * so the second attempt obtains a new one; a second 401 propagates. The typed collection clients use it, because
 * Open Liberty does not apply interceptors to methods a client interface inherits from a generic interface.
 */
public final class TokenReplay {

    private TokenReplay() {
    }

    /**
     * @param call one request whose arguments can be sent twice
     * @return what the call returned, the first or the second time
     * @throws TokenRejectedException if the second attempt is rejected too
     * @throws TicketparkException as the call threw it, unwrapped from the JAX-RS client's {@code ProcessingException}
     */
    public static <R> R once(Supplier<R> call) {
        try {
            return typed(call);
        } catch (TokenRejectedException rejected) {
            return typed(call);
        }
    }

    /**
     * Inside a client's default method a failure still comes wrapped as the JAX-RS client raised it (a
     * {@link ProcessingException}; the MicroProfile Rest Client unwraps only a rejection, and only when it leaves the
     * client proxy): a failure of the library's request filter (no token, a refused URL) or a rejection. The caller
     * gets the library's typed exception instead, as for any failure of the API.
     */
    private static <R> R typed(Supplier<R> call) {
        try {
            return call.get();
        } catch (ProcessingException e) {
            throw e.getCause() instanceof TicketparkException ticketpark ? ticketpark : e;
        }
    }

    /**
     * @param call one request whose arguments can be sent twice
     * @throws TokenRejectedException if the second attempt is rejected too
     */
    public static void once(Runnable call) {
        once(() -> {
            call.run();
            return null;
        });
    }
}
