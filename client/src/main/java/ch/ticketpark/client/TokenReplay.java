package ch.ticketpark.client;

import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;

import ch.ticketpark.client.exception.TicketparkException;
import ch.ticketpark.client.exception.TokenRejectedException;

/**
 * The replay rule of {@link ReplayWithNewToken} as a plain method, for calls made from default methods: runs the call,
 * and if the API rejected its token (401) runs it once more. The rejected token has already been forgotten by then,
 * so the second attempt obtains a new one; a second 401 propagates. The typed collection clients use it, because
 * Open Liberty does not apply interceptors to methods a client interface inherits from a generic interface, and so
 * does the interceptor of {@link ReplayWithNewToken}: calls nested in one another are sent at most twice in all.
 */
public final class TokenReplay {

    /**
     * Set while a call runs under the rule on this thread: a call nested in it (a typed method inside a method of your
     * own interface) is not replayed on its own, the outer call replays the whole, once.
     */
    private static final ThreadLocal<Boolean> APPLYING = new ThreadLocal<>();

    private TokenReplay() {
    }

    /**
     * @param call one request whose arguments can be sent twice
     * @return what the call returned, the first or the second time
     * @throws TokenRejectedException if the second attempt is rejected too
     * @throws TicketparkException as the call threw it, unwrapped from the JAX-RS client's {@code ProcessingException}
     */
    public static <R> R once(Supplier<R> call) {
        return once(call, true);
    }

    /**
     * The rule for a call that may not be replayable (an interceptor's, whose arguments may be a stream).
     *
     * @param call the call
     * @param replayable whether its arguments can be sent twice; if not, a rejection propagates at once
     * @return what the call returned, the first or the second time
     * @throws TokenRejectedException if the call is rejected and not replayable, or rejected twice
     * @throws TicketparkException as the call threw it, unwrapped from the JAX-RS client's {@code ProcessingException}
     */
    public static <R> R once(Supplier<R> call, boolean replayable) {
        if (APPLYING.get() != null) {
            return typed(call);
        }
        APPLYING.set(Boolean.TRUE);
        try {
            try {
                return typed(call);
            } catch (TokenRejectedException rejected) {
                if (!replayable) {
                    throw rejected;
                }
                return typed(call);
            }
        } finally {
            APPLYING.remove();
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
