package ch.ticketpark.client.internal.webhook;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import ch.ticketpark.client.internal.Messages;
import ch.ticketpark.client.internal.observe.WebhookObserver;
import ch.ticketpark.client.internal.observe.WebhookObserver.Drop;

/**
 * Where the receiver leaves each delivery, to answer at once: a bounded queue drained by at most {@code workers}
 * tasks of the executor.
 * <ul>
 * <li>A delivery is <em>pending</em> from its acceptance until it is done with: queued, being processed, or waiting to
 * be tried again. At most {@code capacity} are pending; one more is refused ({@link Admission#FULL}: HTTP 503, so that
 * the sender may try again), logged once per overflow ({@code TPC0404}).</li>
 * <li>A delivery that is pending, or was seen within the deduplication window, is acknowledged and dropped
 * ({@link Admission#DUPLICATE}), even while the queue is full.</li>
 * <li>A delivery whose record could not be read is tried again after each of {@link #RETRY_DELAYS}, pending all the
 * while; after the last attempt it is dropped ({@code TPC0412}) and counts as unseen, so that the same delivery sent
 * again is processed. A delivery whose processing failed unexpectedly ({@code TPC0411}) counts as unseen at once.</li>
 * <li>If the executor refuses a worker, a timer tries again after {@link #RESTART_DELAY}; if the timer is refused too
 * (the server stops), the delivery offered is refused as {@link Admission#FULL} and what else waits is given up
 * ({@code TPC0412}).</li>
 * </ul>
 * One lock guards the queue, the pending set and the deduplication together, held only to change them; the
 * deliveries are processed outside it.
 */
final class WebhookInbox {

    /** The waits before the second, third, … attempt of a delivery whose record could not be read. */
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));

    /** When no worker could be started for deliveries that wait, the next try. */
    static final Duration RESTART_DELAY = Duration.ofSeconds(1);

    private static final Logger LOG = Logger.getLogger(WebhookInbox.class.getName());

    /** What became of an offered delivery. */
    enum Admission {
        /** Queued: it will be processed. */
        ACCEPTED,
        /** The same delivery is pending or was seen within the window: nothing more happens. */
        DUPLICATE,
        /** Too many are pending, or no worker can be started: refused, nothing happens. */
        FULL,
        /** The application stops: refused, nothing happens. */
        CLOSED
    }

    /** What processes a delivery, on a worker. */
    @FunctionalInterface
    interface Processor {

        /**
         * @return whether the delivery is done with; {@code false} if its record could not be read now, so that it is
         *         tried again later
         */
        boolean process(Delivery delivery);
    }

    /** Runs a task after a delay: the retries. */
    @FunctionalInterface
    interface Delayer {

        /** @throws java.util.concurrent.RejectedExecutionException if it cannot */
        void after(Duration delay, Runnable task);
    }

    /** A delivery and the number of its attempt, from 1. */
    private record Attempt(Delivery delivery, int number) {
    }

    private final int capacity;
    private final int workers;
    private final Executor executor;
    private final Delayer delayer;
    private final Processor processor;
    private final Deduplication deduplication;
    private final WebhookObserver observer;
    private final Queue<Attempt> queue = new ArrayDeque<>();
    private final Set<Delivery> pending = new HashSet<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private int retrying;
    private boolean overflowing;
    private boolean closed;

    WebhookInbox(int capacity, int workers, Executor executor, Delayer delayer, Processor processor,
            Deduplication deduplication, WebhookObserver observer) {
        this.capacity = capacity;
        this.workers = workers;
        this.executor = executor;
        this.delayer = delayer;
        this.processor = processor;
        this.deduplication = deduplication;
        this.observer = observer;
    }

    Admission offer(Delivery delivery) {
        Attempt first = new Attempt(delivery, 1);
        synchronized (this) {
            if (closed) {
                return Admission.CLOSED;
            }
            if (pending.contains(delivery) || deduplication.remembers(delivery)) {
                return Admission.DUPLICATE;
            }
            if (pending.size() >= capacity) {
                return full();
            }
            overflowing = false;
            deduplication.seenBefore(delivery);
            pending.add(delivery);
            queue.add(first);
        }
        if (startWorker() || later(RESTART_DELAY, this::kick)) {
            return Admission.ACCEPTED;
        }
        // neither a thread nor a timer: the server stops. Refuse this one, and give up what else waits
        synchronized (this) {
            if (queue.remove(first)) {
                pending.remove(delivery);
                deduplication.forget(delivery);
                giveUpWaiting();
                return full();
            }
        }
        giveUpWaiting();
        return Admission.ACCEPTED;
    }

    private Admission full() {
        long total = refused.incrementAndGet();
        if (!overflowing) {
            overflowing = true;
            LOG.warning(Messages.webhookQueueFull(capacity, total));
        }
        return Admission.FULL;
    }

    /** @return how many deliveries wait in the queue (not those waiting for another attempt) */
    synchronized int waiting() {
        return queue.size();
    }

    /** @return how many deliveries are pending: queued, being processed, or waiting for another attempt */
    synchronized int pending() {
        return pending.size();
    }

    /** @return how many deliveries were refused for a full queue since the start */
    long refused() {
        return refused.get();
    }

    /**
     * Accepts no more deliveries and drops those that wait, in the queue or for another attempt.
     *
     * @return how many were dropped
     */
    synchronized int close() {
        if (closed) {
            return 0;
        }
        closed = true;
        int dropped = queue.size() + retrying;
        queue.clear();
        return dropped;
    }

    /**
     * @return whether a worker runs or was started; {@code false} if the executor refused one (a worker that is
     *         running may then have ended already: the caller sets a restart)
     */
    private boolean startWorker() {
        for (int now = running.get(); now < workers; now = running.get()) {
            if (running.compareAndSet(now, now + 1)) {
                try {
                    executor.execute(this::drain);
                    return true;
                } catch (RuntimeException | Error e) {
                    // refused, or no thread could be made (OutOfMemoryError): a refusal either way
                    running.decrementAndGet();
                    return false;
                }
            }
        }
        return true;
    }

    private void drain() {
        try {
            for (Attempt attempt = next(); attempt != null; attempt = next()) {
                finish(attempt, processed(attempt.delivery()));
            }
        } finally {
            running.decrementAndGet();
            if (waiting() > 0) {
                restart(); // one came between the last poll and the decrement
            }
        }
    }

    /** Starts a worker for what waits, or sets a timer to try again; with neither, gives up what waits. */
    private void restart() {
        if (!startWorker() && !later(RESTART_DELAY, this::kick)) {
            giveUpWaiting();
        }
    }

    private void kick() {
        if (waiting() > 0) {
            restart();
        }
    }

    /** No thread and no timer for what waits: each is dropped as if its last attempt had failed. */
    private void giveUpWaiting() {
        int given = 0;
        for (Attempt attempt = next(); attempt != null; attempt = next()) {
            synchronized (this) {
                pending.remove(attempt.delivery());
                deduplication.forget(attempt.delivery());
            }
            given++;
            LOG.warning(Messages.webhookGivenUp(attempt.delivery().type(), attempt.number() - 1));
        }
        if (given > 0) {
            observer.dropped(Drop.GIVEN_UP, given);
        }
    }

    /**
     * @return whether the delivery is done with: {@code true} or {@code false} as the processor said, {@code null} if
     *         it failed unexpectedly
     */
    private Boolean processed(Delivery delivery) {
        try {
            return processor.process(delivery);
        } catch (RuntimeException | Error e) {
            LOG.warning(Messages.webhookProcessingFailed(delivery.type(), e));
            if (e instanceof VirtualMachineError fatal) {
                finish(delivery);
                observer.dropped(Drop.FAILED, 1);
                throw fatal;
            }
            return null;
        }
    }

    private void finish(Attempt attempt, Boolean done) {
        if (Boolean.FALSE.equals(done) && attempt.number() <= RETRY_DELAYS.size()) {
            Attempt next = new Attempt(attempt.delivery(), attempt.number() + 1);
            boolean lost;
            synchronized (this) {
                lost = closed;
                if (lost) {
                    pending.remove(attempt.delivery());
                } else {
                    retrying++;
                }
            }
            if (lost) {
                LOG.warning(Messages.webhooksLostAtStop(1));
                observer.dropped(Drop.LOST_AT_STOP, 1);
                return;
            }
            if (later(RETRY_DELAYS.get(attempt.number() - 1), () -> retry(next))) {
                observer.retrying();
                return;
            }
            synchronized (this) {
                retrying--;
                if (closed) {
                    // close() counted it among the lost while the timer was being set, and the timer was refused
                    pending.remove(attempt.delivery());
                    return;
                }
            }
        }
        synchronized (this) {
            pending.remove(attempt.delivery());
            if (!Boolean.TRUE.equals(done)) {
                deduplication.forget(attempt.delivery());
            }
        }
        if (Boolean.FALSE.equals(done)) {
            LOG.warning(Messages.webhookGivenUp(attempt.delivery().type(), attempt.number()));
            observer.dropped(Drop.GIVEN_UP, 1);
        } else if (done == null) {
            observer.dropped(Drop.FAILED, 1);
        }
    }

    private synchronized void finish(Delivery failed) {
        pending.remove(failed);
        deduplication.forget(failed);
    }

    private void retry(Attempt attempt) {
        synchronized (this) {
            retrying--;
            if (closed) {
                return;
            }
            queue.add(attempt);
        }
        restart();
    }

    /** @return whether the task was set to run after the delay */
    private boolean later(Duration delay, Runnable task) {
        try {
            delayer.after(delay, task);
            return true;
        } catch (RuntimeException | Error e) {
            return false; // refused, or no thread for the timer (OutOfMemoryError)
        }
    }

    private synchronized Attempt next() {
        return queue.poll();
    }
}
