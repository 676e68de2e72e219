package ch.ticketpark.client.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;

/**
 * Runs tasks on a thread pool, or holds them back while the test {@link #hold() holds} the gate: so a test can see
 * what callers do while a background refresh has not even started.
 */
public final class GatedExecutor implements Executor {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Runnable> held = new ArrayList<>();
    private final Phaser running = new Phaser(1);
    private boolean holding;
    private int holdNext;
    private final List<Throwable> failNext = new ArrayList<>();
    private int executed;

    public synchronized void hold() {
        holding = true;
    }

    /** Holds back only the next {@code tasks} tasks; later ones run. */
    public synchronized void holdNext(int tasks) {
        holdNext = tasks;
    }

    /** The next {@code execute} throws this (a rejection, a shut-down pool, "unable to create native thread"). */
    public synchronized void failNext(Throwable failure) {
        failNext.add(failure);
    }

    /** How many tasks were handed over, held, failed or run. */
    public synchronized int executed() {
        return executed;
    }

    public synchronized int held() {
        return held.size();
    }

    public synchronized void release() {
        holding = false;
        held.forEach(this::submit);
        held.clear();
    }

    @Override
    public synchronized void execute(Runnable task) {
        executed++;
        if (!failNext.isEmpty()) {
            Throwable failure = failNext.remove(0);
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        }
        if (holdNext > 0) {
            holdNext--;
            held.add(task);
        } else if (holding) {
            held.add(task);
        } else {
            submit(task);
        }
    }

    private void submit(Runnable task) {
        running.register();
        pool.execute(() -> {
            try {
                task.run();
            } finally {
                running.arriveAndDeregister();
            }
        });
    }

    /** Waits until every submitted task has finished; a guard against hanging, not a timing. */
    public boolean awaitIdle() {
        try {
            running.awaitAdvanceInterruptibly(running.arrive(), 10, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    public void shutdownNow() {
        pool.shutdownNow();
    }
}
