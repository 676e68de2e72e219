package ch.ticketpark.client.internal.rest;

import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.ProcessingException;

import ch.ticketpark.client.ReplayWithNewToken;
import ch.ticketpark.client.exception.TicketparkException;
import ch.ticketpark.client.exception.TokenRejectedException;
import ch.ticketpark.client.internal.Messages;

/**
 * Replays a Ticketpark client call once when the API rejected its token (401): see {@link ReplayWithNewToken}.
 * REST client filters cannot send a request twice, an interceptor around the client method can. By the time the
 * {@link TokenRejectedException} arrives here, {@link TicketparkResponseFilter} has already forgotten the token the
 * request carried, so the replay's request filter obtains a new one. The interceptor keeps no state: the attempt count
 * is the local control flow of one invocation, so concurrent calls cannot disturb each other.
 */
@ReplayWithNewToken
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class TokenReplayInterceptor {

    private static final Logger LOG = Logger.getLogger(TokenReplayInterceptor.class.getName());

    @AroundInvoke
    public Object replayOnce(InvocationContext context) throws Exception {
        try {
            return proceedTyped(context);
        } catch (TokenRejectedException rejected) {
            if (!ReplaySafety.isSafe(context.getMethod(), context.getParameters())) {
                LOG.fine(() -> Messages.notReplayed(rejected.method(), rejected.path()));
                throw rejected;
            }
            LOG.fine(() -> Messages.replaying(rejected.method(), rejected.path()));
            // a second TokenRejectedException propagates: never more than one replay
            return proceedTyped(context);
        }
    }

    /**
     * A failure of the library's request filter (no token, a refused URL) comes out of the client proxy wrapped by the
     * JAX-RS client in a {@link ProcessingException}; the caller gets the library's typed exception instead, as for a
     * failure of the API.
     */
    private static Object proceedTyped(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (ProcessingException e) {
            throw e.getCause() instanceof TicketparkException ticketpark ? ticketpark : e;
        }
    }
}
