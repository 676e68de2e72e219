package ch.ticketpark.client.internal.token;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The token manager's own few threads: they run the background refreshes and each attempt of a token request, so
 * that no token request waits for a thread of a pool the callers may have filled (the server's managed executor), and
 * a caller can stop waiting for an attempt that hangs. Bounded: when every thread is busy (attempts stuck on an
 * endpoint that trickles its answer), a new task is rejected, and the token request fails as unavailable instead of
 * piling up threads.
 */
public final class TokenThreads implements Executor, AutoCloseable {

    static final int MAX_THREADS = 8;

    private final ThreadPoolExecutor pool;

    /**
     * @param factory the server's managed thread factory (threads with the application's context), or {@code null}
     *        for plain daemon threads
     */
    public TokenThreads(ThreadFactory factory) {
        this.pool = new ThreadPoolExecutor(0, MAX_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                factory != null ? factory : new Daemons("ticketpark-token-"));
    }

    /**
     * One thread of its own, started when there is work and ended a minute after, for the token events: an observer
     * that blocks it takes no thread from the token requests.
     *
     * @param factory as for the token threads
     */
    public static ExecutorService eventThread(ThreadFactory factory) {
        return new ThreadPoolExecutor(0, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                factory != null ? factory : new Daemons("ticketpark-events-"));
    }

    /**
     * One thread of its own, started with the first alarm and ended when the alarm is closed, for the alarm that ends
     * each token's use without a look at the clock: one ring per token, never blocked by a token request.
     *
     * @param factory as for the token threads
     */
    public static Alarm alarm(ThreadFactory factory) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                factory != null ? factory : new Daemons("ticketpark-alarm-"));
        timer.setRemoveOnCancelPolicy(true);
        return new Alarm() {

            @Override
            public Runnable set(Duration delay, Runnable ring) {
                // the thread first: the executor would queue the ring before it failed to start one, and ring later
                if (timer.getPoolSize() == 0 && !timer.prestartCoreThread() && timer.getPoolSize() == 0) {
                    throw new RejectedExecutionException("no thread for the alarm");
                }
                ScheduledFuture<?> set = timer.schedule(ring, delay.toNanos(), TimeUnit.NANOSECONDS);
                return () -> set.cancel(false);
            }

            @Override
            public void close() {
                timer.shutdownNow();
            }
        };
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static final class Daemons implements ThreadFactory {

        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        Daemons(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
