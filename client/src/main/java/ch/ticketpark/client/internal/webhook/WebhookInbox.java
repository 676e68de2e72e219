package ch.ticketpark.client.internal.webhook;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import ch.ticketpark.client.internal.Messages;

/**
 * Where the receiver leaves each delivery, to answer at once: a bounded queue drained by at most {@code workers}
 * tasks of the executor. A delivery seen within the deduplication window is acknowledged and dropped; a delivery that
 * finds the queue full is refused unless it is such a duplicate ({@link Admission#FULL}: HTTP 503, so that the sender may try again), logged once
 * per overflow ({@code TPC0404}). A delivery counts as seen only once it is queued, and again as unseen if
 * its processing failed.
 * <p>
 * One lock guards the queue and the deduplication together, held only to enqueue or dequeue; the deliveries are
 * processed outside it.
 */
final class WebhookInbox {

    private static final Logger LOG = Logger.getLogger(WebhookInbox.class.getName());

    /** What became of an offered delivery. */
    enum Admission {
        /** Queued: it will be processed. */
        ACCEPTED,
        /** The same delivery was seen within the window: nothing more happens. */
        DUPLICATE,
        /** The queue is full: refused, nothing happens. */
        FULL,
        /** The application stops: refused, nothing happens. */
        CLOSED
    }

    /** What processes a delivery, on a worker. */
    @FunctionalInterface
    interface Processor {

        /**
         * @return whether the delivery is done with; {@code false} if it could not be processed now, so that the same
         *         delivery sent again is
         */
        boolean process(Delivery delivery);
    }

    private final int capacity;
    private final int workers;
    private final Executor executor;
    private final Processor processor;
    private final Deduplication deduplication;
    private final Queue<Delivery> queue = new ArrayDeque<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private boolean overflowing;
    private boolean closed;

    WebhookInbox(int capacity, int workers, Executor executor, Processor processor,
            Deduplication deduplication) {
        this.capacity = capacity;
        this.workers = workers;
        this.executor = executor;
        this.processor = processor;
        this.deduplication = deduplication;
    }

    Admission offer(Delivery delivery) {
        synchronized (this) {
            if (closed) {
                return Admission.CLOSED;
            }
            if (queue.size() >= capacity) {
                if (deduplication.remembers(delivery)) {
                    return Admission.DUPLICATE; // accepted before: the sender need not try again
                }
                long total = refused.incrementAndGet();
                if (!overflowing) {
                    overflowing = true;
                    LOG.warning(Messages.webhookQueueFull(capacity, total));
                }
                return Admission.FULL;
            }
            overflowing = false;
            if (deduplication.seenBefore(delivery)) {
                return Admission.DUPLICATE;
            }
            queue.add(delivery);
        }
        startWorker();
        return Admission.ACCEPTED;
    }

    private synchronized void failed(Delivery delivery) {
        deduplication.forget(delivery);
    }

    /** @return how many deliveries wait */
    synchronized int waiting() {
        return queue.size();
    }

    /** @return how many deliveries were refused for a full queue since the start */
    long refused() {
        return refused.get();
    }

    /**
     * Accepts no more deliveries and drops those that wait.
     *
     * @return how many were dropped
     */
    synchronized int close() {
        closed = true;
        int dropped = queue.size();
        queue.clear();
        return dropped;
    }

    private void startWorker() {
        for (int now = running.get(); now < workers; now = running.get()) {
            if (running.compareAndSet(now, now + 1)) {
                try {
                    executor.execute(this::drain);
                } catch (RuntimeException e) {
                    // no thread now: the delivery waits for the next offer or a running worker
                    running.decrementAndGet();
                }
                return;
            }
        }
    }

    private void drain() {
        try {
            for (Delivery delivery = next(); delivery != null; delivery = next()) {
                if (!processed(delivery)) {
                    failed(delivery);
                }
            }
        } finally {
            running.decrementAndGet();
            if (waiting() > 0) {
                startWorker(); // one came between the last poll and the decrement
            }
        }
    }

    /** A processor that throws is a bug, but it must neither end the worker nor leave the delivery seen. */
    private boolean processed(Delivery delivery) {
        try {
            return processor.process(delivery);
        } catch (RuntimeException e) {
            LOG.warning(Messages.webhookProcessingFailed(delivery.type(), e));
            return false;
        }
    }

    private synchronized Delivery next() {
        return queue.poll();
    }
}
