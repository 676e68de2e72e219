package ch.ticketpark.client.internal.rest;

import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import ch.ticketpark.client.ReplayWithNewToken;
import ch.ticketpark.client.TokenReplay;
import ch.ticketpark.client.exception.TokenRejectedException;
import ch.ticketpark.client.internal.Messages;

/**
 * Replays a Ticketpark client call once when the API rejected its token (401): see {@link ReplayWithNewToken}.
 * REST client filters cannot send a request twice, an interceptor around the client method can. By the time the
 * {@link TokenRejectedException} arrives here, {@link TicketparkResponseFilter} has already forgotten the token the
 * request carried, so the replay's request filter obtains a new one. The rule itself is {@link TokenReplay}'s, so that
 * calls nested in one another (your interface's method on a typed one) are sent at most twice in all. The interceptor
 * keeps no state between invocations: concurrent calls cannot disturb each other.
 */
@ReplayWithNewToken
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class TokenReplayInterceptor {

    private static final Logger LOG = Logger.getLogger(TokenReplayInterceptor.class.getName());

    @AroundInvoke
    public Object replayOnce(InvocationContext context) throws Exception {
        boolean replayable = ReplaySafety.isSafe(context.getMethod(), context.getParameters());
        AtomicReference<TokenRejectedException> rejection = new AtomicReference<>();
        try {
            return TokenReplay.once(() -> proceed(context, rejection), replayable);
        } catch (CheckedFailure failure) {
            throw failure.checked;
        } catch (TokenRejectedException rejected) {
            if (!replayable) {
                LOG.fine(() -> Messages.notReplayed(rejected.method(), rejected.path()));
            }
            throw rejected;
        }
    }

    private static Object proceed(InvocationContext context, AtomicReference<TokenRejectedException> rejection) {
        TokenRejectedException earlier = rejection.get();
        if (earlier != null) {
            LOG.fine(() -> Messages.replaying(earlier.method(), earlier.path()));
        }
        try {
            return context.proceed();
        } catch (TokenRejectedException rejected) {
            rejection.compareAndSet(null, rejected);
            throw rejected;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CheckedFailure(e);
        }
    }

    /** Carries a checked exception of the client method through {@link TokenReplay}, to be thrown as it is. */
    private static final class CheckedFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Exception checked;

        CheckedFailure(Exception checked) {
            super(null, null, false, false);
            this.checked = checked;
        }
    }
}
