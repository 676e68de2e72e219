package ch.ticketpark.client.internal.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Keeps the tasks it is given until the test runs them, on the test's thread; may refuse the next ones. */
final class ManualExecutor implements Executor {

    private final List<Runnable> tasks = new ArrayList<>();
    private int given;
    private int rejectNext;

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
