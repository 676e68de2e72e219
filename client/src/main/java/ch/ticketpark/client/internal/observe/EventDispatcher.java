package ch.ticketpark.client.internal.observe;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;

import ch.ticketpark.client.internal.Messages;
import ch.ticketpark.client.status.CircuitClosed;
import ch.ticketpark.client.status.CircuitOpened;
import ch.ticketpark.client.status.RefreshTokenChainEnded;
import ch.ticketpark.client.status.TokenObtained;
import ch.ticketpark.client.status.TokenRequestFailed;

/**
 * Hands the public events to a sink (the CDI events) in the order they happened, one at a time, on a thread of the
 * executor and never on the lifecycle's: the lifecycle only enqueues. A sink that is slow, blocks or throws delays or
 * loses only events, never a token. At most {@value #CAPACITY} events wait; beyond that they are dropped, and that
 * is logged once ({@code TPC0302}). A sink's failure is logged once per event and exception type ({@code TPC0301}).
 */
public final class EventDispatcher implements TokenObserver {

    static final int CAPACITY = 1024;

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());

    private final Executor executor;
    private final Consumer<Object> sink;
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    /** Whether a drain is handed to the executor or runs: at most one does. */
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean overflowReported = new AtomicBoolean();
    private final AtomicBoolean rejectionReported = new AtomicBoolean();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /**
     * @param executor the thread that delivers the events (one is enough, they come one at a time); an
     *        {@link ExecutorService} is shut down at {@link #close()}
     */
    public EventDispatcher(Executor executor, Consumer<Object> sink) {
        this.executor = executor;
        this.sink = sink;
    }

    @Override
    public void obtained(TokenObtained obtained) {
        offer(obtained);
    }

    @Override
    public void failed(TokenRequestFailed failed, Throwable cause) {
        offer(failed);
    }

    @Override
    public void chainEnded(RefreshTokenChainEnded ended) {
        offer(ended);
    }

    @Override
    public void circuitOpened(CircuitOpened opened) {
        offer(opened);
    }

    @Override
    public void circuitClosed(CircuitClosed closed) {
        offer(closed);
    }

    private void offer(Object event) {
        if (waiting.incrementAndGet() > CAPACITY) {
            waiting.decrementAndGet();
            if (overflowReported.compareAndSet(false, true)) {
                LOG.warning(Messages.eventsDropped(CAPACITY));
            }
            return;
        }
        queue.add(event);
        schedule();
    }

    private void schedule() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RuntimeException | Error e) {
            // the events wait for the next one, which tries again
            draining.set(false);
            if (rejectionReported.compareAndSet(false, true)) {
                LOG.warning(Messages.noThread(e));
            }
        }
    }

    private void drain() {
        try {
            for (Object event = queue.poll(); event != null; event = queue.poll()) {
                waiting.decrementAndGet();
                deliver(event);
            }
        } finally {
            draining.set(false);
            if (!queue.isEmpty()) {
                schedule(); // one came between the last poll and the end of this drain
            }
        }
    }

    private void deliver(Object event) {
        try {
            sink.accept(event);
        } catch (Throwable e) {
            Observers.rethrowIfFatal(e);
            Observers.failedOnce(LOG, reported, event.getClass().getSimpleName(), e);
        }
    }

    /** No more events: the thread that delivers them ends once it has delivered those that wait. */
    @Override
    public void close() {
        if (executor instanceof ExecutorService owned) {
            owned.shutdown();
        }
    }
}
