package ch.ticketpark.client;

import java.util.function.Supplier;

import jakarta.ws.rs.client.ResponseProcessingException;

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
     */
    public static <R> R once(Supplier<R> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (!isTokenRejection(e)) {
                throw e;
            }
            return call.get();
        }
    }

    /**
     * Inside a client's default method the rejection still comes wrapped as the JAX-RS client raised it; the
     * MicroProfile Rest Client unwraps it only when it leaves the client proxy.
     */
    private static boolean isTokenRejection(RuntimeException e) {
        return e instanceof TokenRejectedException
                || e instanceof ResponseProcessingException && e.getCause() instanceof TokenRejectedException;
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
