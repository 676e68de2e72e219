package ch.ticketpark.client.internal.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ch.ticketpark.client.support.Stubs;

/**
 * Keeps the tasks it is given until the test runs them, on the test's thread; may refuse the next ones. The delayed
 * tasks wait apart until the test lets their time pass ({@link #elapse()}).
 */
final class ManualExecutor implements Executor, WebhookInbox.Delayer {

    private final List<Runnable> tasks = new ArrayList<>();
    private final List<Runnable> delayed = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private int given;
    private int rejectNext;
    private int rejectDelays;

    @Override
    public synchronized void after(Duration delay, Runnable task) {
        if (rejectDelays > 0) {
            rejectDelays--;
            throw new RejectedExecutionException("no timer");
        }
        delays.add(delay);
        delayed.add(task);
    }

    /** The delayed tasks become due: they wait with the others, to be run. */
    synchronized void elapse() {
        tasks.addAll(delayed);
        delayed.clear();
    }

    /** The delays asked for so far, in order. */
    synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }

    /** How many delayed tasks wait for their time. */
    synchronized int delayed() {
        return delayed.size();
    }

    /** The next {@code count} delayed tasks are refused with a {@link RejectedExecutionException}. */
    synchronized void rejectDelays(int count) {
        rejectDelays = count;
    }

    /** This executor as the server's managed scheduled executor, as far as the receiver uses one. */
    ScheduledExecutorService scheduled() {
        return Stubs.of(ScheduledExecutorService.class, Map.of(
                "execute", args -> {
                    execute((Runnable) args[0]);
                    return null;
                },
                "schedule", args -> {
                    after(Duration.of((Long) args[1], ((TimeUnit) args[2]).toChronoUnit()), (Runnable) args[0]);
                    return null;
                }));
    }

    @Override
    public synchronized void execute(Runnable task) {
        given++;
        if (rejectNext > 0) {
            rejectNext--;
            throw new RejectedExecutionException("no thread");
        }
        tasks.add(task);
    }

    /** The next {@code count} tasks are refused with a {@link RejectedExecutionException}. */
    synchronized void rejectNext(int count) {
        rejectNext = count;
    }

    /** How many tasks were given, refused or not. */
    synchronized int given() {
        return given;
    }

    /** How many tasks wait to be run. */
    synchronized int waiting() {
        return tasks.size();
    }

    /** Runs the tasks that wait, and those they give, until none waits. */
    void runAll() {
        for (Runnable task = next(); task != null; task = next()) {
            task.run();
        }
    }

    /** Runs the oldest task that waits. */
    void runOne() {
        next().run();
    }

    private synchronized Runnable next() {
        return tasks.isEmpty() ? null : tasks.remove(0);
    }
}
