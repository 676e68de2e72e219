package ch.ticketpark.client.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.ticketpark.client.status.CircuitClosed;
import ch.ticketpark.client.support.GatedExecutor;
import ch.ticketpark.client.support.LogCapture;

/** The events reach the sink in order, one at a time, on the executor; a sink that fails or blocks hurts no caller. */
class EventDispatcherTest {

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Object> delivered = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static CircuitClosed event(int number) {
        return new CircuitClosed(Instant.EPOCH, number);
    }

    @Test
    void eventsFromManyThreadsArriveEachOnceAndThoseOfOneThreadInItsOrder() throws Exception {
        List<String> deliveringThreads = new CopyOnWriteArrayList<>();
        EventDispatcher dispatcher = new EventDispatcher(threads, event -> {
            deliveringThreads.add(Thread.currentThread().getName());
            delivered.add(event);
        });
        int producers = 8;
        int each = 100;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int base = p * 1000;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    dispatcher.circuitClosed(event(base + i));
                }
            });
            thread.start();
            started.add(thread);
        }
        start.countDown();
        for (Thread thread : started) {
            thread.join();
        }
        awaitDelivered(producers * each);

        List<Integer> numbers = delivered.stream().map(event -> ((CircuitClosed) event).failures()).toList();
        assertThat(numbers).doesNotHaveDuplicates().hasSize(producers * each);
        for (int p = 0; p < producers; p++) {
            int base = p * 1000;
            assertThat(numbers.stream().filter(n -> n / 1000 == base / 1000).toList()).isSorted();
        }
        assertThat(deliveringThreads).noneMatch(name -> started.stream().anyMatch(t -> t.getName().equals(name)));
    }

    @Test
    void aSinkThatThrowsLosesOnlyItsEventAndIsLoggedOncePerExceptionType() throws Exception {
        EventDispatcher dispatcher = new EventDispatcher(threads, event -> {
            if (((CircuitClosed) event).failures() % 2 == 0) {
                throw new IllegalStateException("observer bug with secret-ish text");
            }
            delivered.add(event);
        });

        for (int i = 1; i <= 6; i++) {
            dispatcher.circuitClosed(event(i));
        }
        awaitDelivered(3);

        assertThat(delivered).containsExactly(event(1), event(3), event(5));
        assertThat(log.withCode("TPC0301")).singleElement().satisfies(record -> assertThat(record.getMessage())
                .contains("CircuitClosed", IllegalStateException.class.getName()).doesNotContain("secret-ish"));
    }

    @Test
    void aSinkThatBlocksNeverBlocksTheLifecycleAndTheOverflowIsDroppedAndLoggedOnce() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventDispatcher dispatcher = new EventDispatcher(threads, event -> {
            blocked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.add(event);
        });
        dispatcher.circuitClosed(event(0));
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();

        for (int i = 1; i <= EventDispatcher.CAPACITY + 10; i++) {
            dispatcher.circuitClosed(event(i)); // returns at once: only enqueues
        }
        release.countDown();
        awaitDelivered(EventDispatcher.CAPACITY + 1);

        assertThat(delivered).hasSize(EventDispatcher.CAPACITY + 1).startsWith(event(0), event(1))
                .endsWith(event(EventDispatcher.CAPACITY));
        assertThat(log.withCode("TPC0302")).hasSize(1);
        dispatcher.circuitClosed(event(9999)); // room again
        awaitDelivered(EventDispatcher.CAPACITY + 2);
    }

    @Test
    void anExecutorThatRefusesKeepsTheEventsForTheNextOne() throws Exception {
        GatedExecutor refusing = new GatedExecutor();
        refusing.failNext(new RejectedExecutionException("full"));
        Consumer<Object> sink = delivered::add;
        EventDispatcher dispatcher = new EventDispatcher(refusing, sink);

        dispatcher.circuitClosed(event(1));
        assertThat(delivered).isEmpty();
        dispatcher.circuitClosed(event(2));
        assertThat(refusing.awaitIdle()).isTrue();

        assertThat(delivered).containsExactly(event(1), event(2));
        assertThat(log.withCode("TPC0019")).hasSize(1);
        refusing.shutdownNow();
    }

    @Test
    void anEventQueuedBehindASinkThatThrowsAnErrorIsStillDelivered() throws Exception {
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventDispatcher dispatcher = new EventDispatcher(threads, event -> {
            if (((CircuitClosed) event).failures() == 1) {
                inFirst.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new StackOverflowError();
            }
            delivered.add(event);
        });
        dispatcher.circuitClosed(event(1));
        assertThat(inFirst.await(10, TimeUnit.SECONDS)).isTrue();
        dispatcher.circuitClosed(event(2)); // queued behind the failing one, and no event after it

        release.countDown();
        awaitDelivered(1);

        assertThat(delivered).containsExactly(event(2));
        assertThat(log.withCode("TPC0301")).singleElement().satisfies(record -> assertThat(record.getMessage())
                .contains(StackOverflowError.class.getName()));
    }

    @Test
    void closingEndsTheThreadAfterTheEventsThatWait() throws Exception {
        ExecutorService own = Executors.newSingleThreadExecutor();
        EventDispatcher dispatcher = new EventDispatcher(own, delivered::add);
        dispatcher.circuitClosed(event(1));

        dispatcher.close();

        assertThat(own.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(delivered).containsExactly(event(1));
    }

    private void awaitDelivered(int events) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (delivered.size() < events) {
            assertThat(System.nanoTime()).as("%s of %s delivered", delivered.size(), events).isLessThan(end);
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }
}
