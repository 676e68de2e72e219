package ch.ticketpark.client.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TokenThreadsTest {

    @Test
    void withoutAFactoryTasksRunOnNamedDaemonThreads() throws Exception {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CountDownLatch ran = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (var tokenThreads = new TokenThreads(null)) {
            for (int i = 0; i < 2; i++) {
                tokenThreads.execute(() -> {
                    threads.add(Thread.currentThread());
                    ran.countDown();
                    await(release);
                });
            }
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
        }

        assertThat(threads).hasSize(2).allMatch(Thread::isDaemon);
        assertThat(threads).extracting(Thread::getName)
                .containsExactlyInAnyOrder("ticketpark-token-1", "ticketpark-token-2");
    }

    @Test
    void theGivenFactoryMakesTheThreads() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        List<Thread> threads = new CopyOnWriteArrayList<>();
        try (var tokenThreads = new TokenThreads(task -> {
            Thread thread = new Thread(task, "managed");
            threads.add(thread);
            return thread;
        })) {
            tokenThreads.execute(ran::countDown);
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(threads).extracting(Thread::getName).containsExactly("managed");
    }

    @Test
    void whenEveryThreadIsBusyANewTaskIsRejected() throws Exception {
        CountDownLatch busy = new CountDownLatch(TokenThreads.MAX_THREADS);
        CountDownLatch release = new CountDownLatch(1);
        try (var tokenThreads = new TokenThreads(null)) {
            for (int i = 0; i < TokenThreads.MAX_THREADS; i++) {
                tokenThreads.execute(() -> {
                    busy.countDown();
                    await(release);
                });
            }
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> tokenThreads.execute(() -> {
            })).isInstanceOf(RejectedExecutionException.class);
            release.countDown();
        }
    }

    @Test
    void closingInterruptsRunningTasksAndRejectsNewOnes() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        var tokenThreads = new TokenThreads(null);
        tokenThreads.execute(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        tokenThreads.close();

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> tokenThreads.execute(() -> {
        })).isInstanceOf(RejectedExecutionException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theAlarmRingsOnceAfterItsDelayOnANamedDaemonThread() throws Exception {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CountDownLatch rang = new CountDownLatch(1);
        try (Alarm alarm = TokenThreads.alarm(null)) {
            long set = System.nanoTime();
            alarm.set(Duration.ofMillis(20), () -> {
                threads.add(Thread.currentThread());
                rang.countDown();
            });
            assertThat(rang.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(System.nanoTime() - set).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
        }

        assertThat(threads).hasSize(1).allMatch(Thread::isDaemon);
        assertThat(threads.get(0).getName()).isEqualTo("ticketpark-alarm-1");
    }

    @Test
    void aCancelledAlarmDoesNotRingAndOneSetAfterItDoes() throws Exception {
        AtomicInteger cancelledRang = new AtomicInteger();
        CountDownLatch laterRang = new CountDownLatch(1);
        try (Alarm alarm = TokenThreads.alarm(null)) {
            Runnable cancel = alarm.set(Duration.ofMillis(10), cancelledRang::incrementAndGet);
            cancel.run();
            // rings after the cancelled one would have: the one thread runs them in the order of their time
            alarm.set(Duration.ofMillis(50), laterRang::countDown);
            assertThat(laterRang.await(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(cancelledRang).hasValue(0);
    }

    @Test
    void aClosedAlarmRingsNoMoreAndRefusesNewOnes() {
        AtomicInteger rang = new AtomicInteger();
        Alarm alarm = TokenThreads.alarm(null);
        alarm.set(Duration.ofDays(2), rang::incrementAndGet);
        alarm.close();

        assertThatThrownBy(() -> alarm.set(Duration.ofMillis(1), rang::incrementAndGet))
                .isInstanceOf(RejectedExecutionException.class);
        assertThat(rang).hasValue(0);
    }
}
