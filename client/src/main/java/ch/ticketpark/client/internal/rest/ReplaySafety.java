package ch.ticketpark.client.internal.rest;

import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;

import jakarta.ws.rs.core.EntityPart;

/**
 * Whether a call rejected with 401 may be sent once more: only if it is synchronous (its failure reaches the caller's
 * thread, where the replay happens) and its arguments can be sent twice (JSON the client holds, not a stream that the
 * first attempt consumed). A request answered 401 was not processed, so replaying any method is otherwise safe.
 */
final class ReplaySafety {

    private ReplaySafety() {
    }

    static boolean isSafe(Method method, Object[] arguments) {
        Class<?> returned = method.getReturnType();
        if (CompletionStage.class.isAssignableFrom(returned) || Future.class.isAssignableFrom(returned)) {
            return false;
        }
        if (arguments != null) {
            for (Object argument : arguments) {
                if (isOneShot(argument)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isOneShot(Object argument) {
        if (argument instanceof Iterable<?> elements) {
            for (Object element : elements) {
                if (element instanceof EntityPart) {
                    return true;
                }
            }
            return false;
        }
        return argument instanceof InputStream || argument instanceof Reader || argument instanceof Flow.Publisher
                || argument instanceof EntityPart;
    }
}
