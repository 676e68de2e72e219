package ch.ticketpark.client.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.internal.observe.TokenObserver;
import ch.ticketpark.client.support.MapConfig;

/**
 * Third review of the fast path: the real alarm ({@link TokenThreads#alarm}) when its thread factory cannot make a
 * thread (the managed factory refusing, the JVM out of native threads).
 */
class TokenManagerFreshTokenThreadFactoryReviewTest extends TokenManagerTestSupport {

    /**
     * keepFresh catches RuntimeException only; the first alarm.set starts the alarm's thread on the caller's thread, so
     * "unable to create native thread" (an OutOfMemoryError) reaches a caller that holds a valid token. The background
     * refresh guards exactly this case (catch RuntimeException | Error: "never run it on this caller, which holds a
     * valid token").
     */
    @Test
    void aCallerWithAValidTokenDoesNotGetTheAlarmThreadsError() {
        passwordThenRefresh();
        ThreadFactory outOfThreads = task -> {
            throw new OutOfMemoryError(
                    "unable to create native thread: possibly out of memory or process/resource limits reached");
        };
        Alarm alarm = TokenThreads.alarm(outOfThreads);
        TokenManager manager = closing(new TokenManager(MapConfig.load(server.baseUrl(), Map.of()), clock, executor,
                alarm, sleeper, () -> 1.0, TokenManager.NO_STORE, TokenObserver.NONE));
        manager.accessToken(); // the password grant; keepFresh on the way out, or on the next call

        assertThatCode(() -> {
            manager.accessToken();
            manager.accessToken();
        }).doesNotThrowAnyException();
    }

    /**
     * A set() that threw (the factory refused the thread) has queued its ring all the same
     * (ScheduledThreadPoolExecutor.delayedExecute queues before it starts a worker): it is never cancelled, and it
     * rings once a thread can be made. keepFresh resets freshAsked after the throw, so with a factory that keeps
     * refusing, every call on the slow path queues one more ring: the queue grows per call, without bound.
     */
    @Test
    void aSetThatThrewNeitherRingsLaterNorStaysQueued() throws InterruptedException {
        AtomicBoolean refuse = new AtomicBoolean(true);
        ThreadFactory factory = task -> {
            if (refuse.get()) {
                throw new IllegalStateException("refused");
            }
            Thread thread = new Thread(task);
            thread.setDaemon(true);
            return thread;
        };
        Alarm alarm = TokenThreads.alarm(factory);
        AtomicInteger rang = new AtomicInteger();
        CountDownLatch last = new CountDownLatch(1);
        try {
            for (int i = 0; i < 3; i++) {
                try {
                    alarm.set(Duration.ZERO, rang::incrementAndGet);
                } catch (RuntimeException refused) {
                    // as keepFresh: calls read the clock
                }
            }
            refuse.set(false);
            alarm.set(Duration.ofMillis(50), last::countDown);
            assertThat(last.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(rang).hasValue(0);
        } finally {
            alarm.close();
        }
    }
}
