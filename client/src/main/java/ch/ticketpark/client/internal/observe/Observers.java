package ch.ticketpark.client.internal.observe;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;

import ch.ticketpark.client.internal.Messages;
import ch.ticketpark.client.status.CircuitClosed;
import ch.ticketpark.client.status.CircuitOpened;
import ch.ticketpark.client.status.RefreshTokenChainEnded;
import ch.ticketpark.client.status.TokenObtained;
import ch.ticketpark.client.status.TokenRequestFailed;

/**
 * Several observers as one, in order. One that throws is logged once per class and exception type ({@code TPC0301});
 * the others hear the call all the same, and the lifecycle never sees the failure.
 */
public final class Observers implements TokenObserver {

    private static final Logger LOG = Logger.getLogger(Observers.class.getName());

    private final List<TokenObserver> observers;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    private Observers(List<TokenObserver> observers) {
        this.observers = observers;
    }

    public static TokenObserver of(TokenObserver... observers) {
        return new Observers(List.of(observers));
    }

    @Override
    public void obtained(TokenObtained obtained) {
        each(observer -> observer.obtained(obtained));
    }

    @Override
    public void failed(TokenRequestFailed failed, Throwable cause) {
        each(observer -> observer.failed(failed, cause));
    }

    @Override
    public void chainEnded(RefreshTokenChainEnded ended) {
        each(observer -> observer.chainEnded(ended));
    }

    @Override
    public void circuitOpened(CircuitOpened opened) {
        each(observer -> observer.circuitOpened(opened));
    }

    @Override
    public void circuitClosed(CircuitClosed closed) {
        each(observer -> observer.circuitClosed(closed));
    }

    @Override
    public void refreshAheadStarted() {
        each(TokenObserver::refreshAheadStarted);
    }

    @Override
    public void tokenRejected() {
        each(TokenObserver::tokenRejected);
    }

    @Override
    public void close() {
        each(TokenObserver::close);
    }

    private void each(Consumer<TokenObserver> call) {
        for (TokenObserver observer : observers) {
            isolated(() -> call.accept(observer), observer, reported);
        }
    }

    /** Runs one observer's call; a failure is logged once per class and exception type, and goes no further. */
    private static void isolated(Runnable call, Object observer, Set<String> reported) {
        try {
            call.run();
        } catch (Throwable e) {
            rethrowIfFatal(e);
            failedOnce(LOG, reported, observer.getClass().getName(), e);
        }
    }

    /**
     * A webhook observer whose failures the receiver never sees: each is logged once per class and exception type
     * ({@code TPC0301}).
     */
    public static WebhookObserver isolated(WebhookObserver observer) {
        return observer == WebhookObserver.NONE ? observer : new IsolatedWebhookObserver(observer);
    }

    /** An observer's failure is its own, but not a JVM that runs out of memory. */
    public static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
            throw fatal;
        }
    }

    /** Logs {@code TPC0301} the first time {@code who} fails with this type of exception. */
    public static void failedOnce(Logger log, Set<String> reported, String who, Throwable e) {
        if (reported.add(who + " " + e.getClass().getName())) {
            log.warning(Messages.observerFailed(who, e));
        }
    }

    private static final class IsolatedWebhookObserver implements WebhookObserver {

        private final WebhookObserver observer;
        private final Set<String> reported = ConcurrentHashMap.newKeySet();

        IsolatedWebhookObserver(WebhookObserver observer) {
            this.observer = observer;
        }

        @Override
        public void answered(Answer answer, int status) {
            call(() -> observer.answered(answer, status));
        }

        @Override
        public void fired(String type) {
            call(() -> observer.fired(type));
        }

        @Override
        public void dropped(Drop why, int count) {
            call(() -> observer.dropped(why, count));
        }

        @Override
        public void retrying() {
            call(observer::retrying);
        }

        @Override
        public void close() {
            call(observer::close);
        }

        private void call(Runnable call) {
            isolated(call, observer, reported);
        }
    }
}
