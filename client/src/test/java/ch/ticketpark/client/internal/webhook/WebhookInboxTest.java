package ch.ticketpark.client.internal.webhook;

import static ch.ticketpark.client.internal.webhook.DeduplicationTest.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.ticketpark.client.internal.webhook.WebhookInbox.Admission;
import ch.ticketpark.client.support.GatedExecutor;
import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.support.MutableClock;
import ch.ticketpark.client.support.RealTime;

class WebhookInboxTest {

    private final RecordingWebhookObserver observer = new RecordingWebhookObserver();

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private final MutableClock clock = new MutableClock();
    private final ManualExecutor executor = new ManualExecutor();
    private final List<Delivery> processed = new CopyOnWriteArrayList<>();

    private WebhookInbox inbox(int capacity, int workers, WebhookInbox.Processor processor) {
        return new WebhookInbox(capacity, workers, executor, executor, processor,
                new Deduplication(clock, Duration.ofMinutes(10)), observer);
    }

    private WebhookInbox inbox(int capacity, int workers) {
        return inbox(capacity, workers, delivery -> processed.add(delivery));
    }

    @Test
    void anAcceptedDeliveryIsProcessedOnAWorker() {
        WebhookInbox inbox = inbox(10, 2);

        assertThat(inbox.offer(delivery("b-1"))).isEqualTo(Admission.ACCEPTED);
        assertThat(processed).isEmpty();
        assertThat(inbox.waiting()).isEqualTo(1);

        executor.runAll();

        assertThat(processed).containsExactly(delivery("b-1"));
        assertThat(inbox.waiting()).isZero();
    }

    @Test
    void theSameDeliveryWhileQueuedOrAfterIsADuplicate() {
        WebhookInbox inbox = inbox(10, 1);
        inbox.offer(delivery("b-1"));

        assertThat(inbox.offer(delivery("b-1"))).isEqualTo(Admission.DUPLICATE);
        assertThat(inbox.waiting()).isEqualTo(1);
        executor.runAll();
        assertThat(inbox.offer(delivery("b-1"))).isEqualTo(Admission.DUPLICATE);
        executor.runAll();

        assertThat(processed).containsExactly(delivery("b-1"));
    }

    @Test
    void afterTheWindowTheSameDeliveryIsAcceptedAgain() {
        WebhookInbox inbox = inbox(10, 1);
        inbox.offer(delivery("b-1"));
        executor.runAll();
        clock.advance(Duration.ofMinutes(10));

        assertThat(inbox.offer(delivery("b-1"))).isEqualTo(Admission.ACCEPTED);
        executor.runAll();
        assertThat(processed).containsExactly(delivery("b-1"), delivery("b-1"));
    }

    @Test
    void aFullQueueRefusesAndLogsOncePerOverflow() {
        WebhookInbox inbox = inbox(2, 1);
        inbox.offer(delivery("b-1"));
        inbox.offer(delivery("b-2"));

        assertThat(inbox.offer(delivery("b-3"))).isEqualTo(Admission.FULL);
        assertThat(inbox.offer(delivery("b-4"))).isEqualTo(Admission.FULL);
        assertThat(log.withCode("TPC0404")).singleElement()
                .satisfies(record -> assertThat(record.getMessage()).contains("(2 deliveries pending)",
                        "1 refused since the start"));
        assertThat(inbox.refused()).isEqualTo(2);

        executor.runAll();
        assertThat(inbox.offer(delivery("b-3"))).isEqualTo(Admission.ACCEPTED);
        assertThat(log.withCode("TPC0404")).hasSize(1);
        inbox.offer(delivery("b-5"));
        assertThat(inbox.offer(delivery("b-6"))).isEqualTo(Admission.FULL);

        assertThat(log.withCode("TPC0404")).hasSize(2).last()
                .satisfies(record -> assertThat(record.getMessage()).contains("3 refused since the start"));
        assertThat(inbox.refused()).isEqualTo(3);
        executor.runAll();
        assertThat(processed).containsExactly(delivery("b-1"), delivery("b-2"), delivery("b-3"), delivery("b-5"));
    }

    @Test
    void aDuplicateOfAnAcceptedDeliveryIsAcknowledgedEvenWhenTheQueueIsFull() {
        WebhookInbox inbox = inbox(2, 1);
        inbox.offer(delivery("b-1"));
        inbox.offer(delivery("b-2"));

        assertThat(inbox.offer(delivery("b-1"))).isEqualTo(Admission.DUPLICATE);
        assertThat(inbox.offer(delivery("b-3"))).isEqualTo(Admission.FULL);
        assertThat(inbox.offer(delivery("b-3"))).isEqualTo(Admission.FULL);
        assertThat(inbox.refused()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(10));
        assertThat(inbox.offer(delivery("b-1"))).as("still pending after the window").isEqualTo(Admission.DUPLICATE);

        executor.runAll();
        assertThat(processed).containsExactly(delivery("b-1"), delivery("b-2"));
    }

    @Test
    void aRefusedDeliveryIsNotRememberedAsSeen() {
        WebhookInbox inbox = inbox(1, 1);
        inbox.offer(delivery("b-1"));
        assertThat(inbox.offer(delivery("b-2"))).isEqualTo(Admission.FULL);
        executor.runAll();

        assertThat(inbox.offer(delivery("b-2"))).isEqualTo(Admission.ACCEPTED);
    }

    @Test
    void atMostWorkersTasksAreStarted() {
        WebhookInbox inbox = inbox(100, 3);

        for (int i = 0; i < 50; i++) {
            assertThat(inbox.offer(delivery("b-" + i))).isEqualTo(Admission.ACCEPTED);
        }

        assertThat(executor.given()).isEqualTo(3);
        executor.runOne();
        assertThat(processed).hasSize(50);
        assertThat(inbox.offer(delivery("b-50"))).isEqualTo(Admission.ACCEPTED);
        assertThat(executor.given()).isEqualTo(4);
        executor.runAll();
        assertThat(processed).hasSize(51).doesNotHaveDuplicates();
    }

    @Test
    void atMostWorkersDeliveriesAreProcessedAtOnce() throws InterruptedException {
        GatedExecutor pool = new GatedExecutor();
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoIn = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch allDone = new CountDownLatch(40);
        WebhookInbox inbox = new WebhookInbox(100, 2, pool, executor, delivery -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            twoIn.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now.decrementAndGet();
            allDone.countDown();
            return true;
        }, new Deduplication(clock, Duration.ofMinutes(10)), observer);
        try {
            for (int i = 0; i < 40; i++) {
                inbox.offer(delivery("b-" + i));
            }
            assertThat(twoIn.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(pool.executed()).isEqualTo(2);
            assertThat(inbox.waiting()).isEqualTo(38);
            release.countDown();

            assertThat(allDone.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(most.get()).isEqualTo(2);
            assertThat(pool.awaitIdle()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyAcceptedDeliveryIsProcessedExactlyOnceUnderConcurrentOffers() throws Exception {
        int threads = 8;
        int each = 500;
        Map<Delivery, AtomicInteger> counts = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(threads * each);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        WebhookInbox inbox = new WebhookInbox(threads * each, 3, workers, executor, delivery -> {
            counts.computeIfAbsent(delivery, key -> new AtomicInteger()).incrementAndGet();
            done.countDown();
            return true;
        }, new Deduplication(clock, Duration.ofMinutes(10)), observer);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Admission>>> sent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                sent.add(senders.submit(() -> {
                    start.await();
                    List<Admission> admissions = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        admissions.add(inbox.offer(delivery(thread + "-" + i)));
                    }
                    return admissions;
                }));
            }
            start.countDown();
            for (Future<List<Admission>> admissions : sent) {
                assertThat(admissions.get(10, TimeUnit.SECONDS)).hasSize(each).containsOnly(Admission.ACCEPTED);
            }

            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(counts).hasSize(threads * each);
            assertThat(counts.values()).allSatisfy(count -> assertThat(count).hasValue(1));
            assertThat(inbox.waiting()).isZero();
        } finally {
            senders.shutdownNow();
            workers.shutdownNow();
        }
    }

    @Test
    void aDeliveryThatCouldNotBeProcessedIsTriedAgainLaterAndIsADuplicateMeanwhile() {
        List<Delivery> attempts = new ArrayList<>();
        WebhookInbox inbox = inbox(10, 1, delivery -> {
            attempts.add(delivery);
            return attempts.size() > 2;
        });
        inbox.offer(delivery("b-1"));
        executor.runAll();
        assertThat(executor.delays()).containsExactly(Duration.ofSeconds(10));
        assertThat(inbox.pending()).isEqualTo(1);
        assertThat(inbox.waiting()).isZero();

        clock.advance(Duration.ofMinutes(20)); // beyond the window: pending all the same
        assertThat(inbox.offer(delivery("b-1"))).isEqualTo(Admission.DUPLICATE);
        executor.elapse();
        executor.runAll();
        assertThat(executor.delays()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(30));
        executor.elapse();
        executor.runAll();

        assertThat(attempts).containsExactly(delivery("b-1"), delivery("b-1"), delivery("b-1"));
        assertThat(inbox.pending()).isZero();
        assertThat(inbox.offer(delivery("b-1"))).as("done, and the window since it came is over")
                .isEqualTo(Admission.ACCEPTED);
        assertThat(log.withCode("TPC0412")).isEmpty();
        assertThat(observer.heard).containsExactly("retrying", "retrying");
    }

    @Test
    void aDeliveryWhoseLastAttemptFailsIsDroppedAndAcceptedAgain() {
        List<Delivery> attempts = new ArrayList<>();
        WebhookInbox inbox = inbox(10, 1, delivery -> attempts.add(delivery) && attempts.size() > 6);
        inbox.offer(delivery("b-1"));
        executor.runAll();
        while (executor.delayed() > 0) {
            executor.elapse();
            executor.runAll();
        }

        assertThat(attempts).hasSize(6);
        assertThat(executor.delays()).isEqualTo(WebhookInbox.RETRY_DELAYS);
        assertThat(observer.heard).containsExactly("retrying", "retrying", "retrying", "retrying", "retrying",
                "dropped TPC0412 1");
        assertThat(log.withCode("TPC0412")).singleElement()
                .satisfies(record -> assertThat(record.getMessage()).contains("after 6 attempts"));
        assertThat(inbox.pending()).isZero();
        assertThat(inbox.offer(delivery("b-1"))).isEqualTo(Admission.ACCEPTED);
        executor.runAll();
        assertThat(attempts).hasSize(7);
    }

    @Test
    void aDeliveryWhoseRetryCannotBeSetIsDroppedAtOnce() {
        WebhookInbox inbox = inbox(10, 1, delivery -> false);
        executor.rejectDelays(1);
        inbox.offer(delivery("b-1"));
        executor.runAll();

        assertThat(log.withCode("TPC0412")).singleElement()
                .satisfies(record -> assertThat(record.getMessage()).contains("after 1 attempts"));
        assertThat(observer.heard).as("no retry was set").containsExactly("dropped TPC0412 1");
        assertThat(inbox.pending()).isZero();
        assertThat(inbox.offer(delivery("b-1"))).isEqualTo(Admission.ACCEPTED);
    }

    @Test
    void whatWaitsForAnotherAttemptIsDroppedAtCloseAndNotTriedAgain() {
        List<Delivery> attempts = new ArrayList<>();
        WebhookInbox inbox = inbox(10, 1, delivery -> attempts.add(delivery) && false);
        inbox.offer(delivery("b-1"));
        executor.runAll();
        inbox.offer(delivery("b-2"));

        assertThat(inbox.close()).isEqualTo(2);
        executor.elapse();
        executor.runAll();

        assertThat(attempts).containsExactly(delivery("b-1"));
    }

    @Test
    void aDeliveryForWhichNoWorkerCanBeStartedIsStartedByATimer() {
        WebhookInbox inbox = inbox(10, 1);
        executor.rejectNext(1);

        assertThat(inbox.offer(delivery("b-1"))).isEqualTo(Admission.ACCEPTED);
        assertThat(executor.waiting()).isZero();
        assertThat(executor.delays()).containsExactly(WebhookInbox.RESTART_DELAY);
        executor.elapse();
        executor.runAll();

        assertThat(processed).containsExactly(delivery("b-1"));
        assertThat(inbox.pending()).isZero();
    }

    @Test
    void withNeitherAWorkerNorATimerTheDeliveryIsRefusedAndWhatWaitsIsGivenUp() {
        List<Delivery> attempts = new ArrayList<>();
        WebhookInbox inbox = inbox(10, 1, delivery -> attempts.add(delivery) && attempts.size() > 1);
        inbox.offer(delivery("b-1"));
        executor.runAll(); // fails: a retry in 10 s
        executor.elapse();
        executor.rejectNext(1);
        executor.runAll(); // the retry queues b-1; no worker: a restart timer

        executor.rejectNext(1);
        executor.rejectDelays(1);
        assertThat(inbox.offer(delivery("b-2"))).isEqualTo(Admission.FULL);

        assertThat(inbox.pending()).isZero();
        assertThat(inbox.waiting()).isZero();
        assertThat(log.withCode("TPC0412")).singleElement()
                .satisfies(record -> assertThat(record.getMessage()).contains("after 1 attempts"));
        assertThat(observer.heard).containsExactly("retrying", "dropped TPC0412 1");
        assertThat(inbox.offer(delivery("b-2"))).as("not remembered").isEqualTo(Admission.ACCEPTED);
    }

    @Test
    void aWorkerThatCannotBeRestartedForWhatWaitsIsTriedAgainAfterADelay() {
        List<Delivery> attempts = new ArrayList<>();
        WebhookInbox inbox = inbox(10, 1, delivery -> attempts.add(delivery) && attempts.size() > 1);
        inbox.offer(delivery("b-1"));
        executor.runAll(); // fails: a retry in 10 s
        executor.elapse();
        executor.rejectNext(1);
        executor.runAll(); // the retry queues it, but no worker can be started

        assertThat(inbox.waiting()).isEqualTo(1);
        assertThat(executor.delays()).containsExactly(Duration.ofSeconds(10), WebhookInbox.RESTART_DELAY);
        executor.elapse();
        executor.runAll();

        assertThat(attempts).containsExactly(delivery("b-1"), delivery("b-1"));
        assertThat(inbox.pending()).isZero();
    }

    @Test
    void aWorkerThatEndsLeavesRoomForTheNext() {
        WebhookInbox inbox = inbox(10, 1);
        for (int round = 0; round < 3; round++) {
            assertThat(inbox.offer(delivery("b-" + round))).isEqualTo(Admission.ACCEPTED);
            assertThat(executor.waiting()).isEqualTo(1);
            executor.runAll();
        }
        assertThat(processed).hasSize(3);
    }

    @Test
    void aProcessorThatThrowsIsLoggedForgetsTheDeliveryAndTheWorkerGoesOn() {
        WebhookInbox inbox = inbox(10, 1, delivery -> {
            if (delivery.equals(delivery("b-boom"))) {
                throw new IllegalStateException("boom");
            }
            return processed.add(delivery);
        });
        inbox.offer(delivery("b-boom"));
        inbox.offer(delivery("b-1"));

        executor.runOne();

        assertThat(processed).containsExactly(delivery("b-1"));
        assertThat(executor.waiting()).isZero();
        assertThat(log.withCode("TPC0411")).singleElement()
                .satisfies(record -> assertThat(record.getMessage()).contains("java.lang.IllegalStateException")
                        .doesNotContain("boom"));
        assertThat(observer.heard).containsExactly("dropped TPC0411 1");
        // not remembered as seen: the same delivery sent again is processed again
        assertThat(inbox.offer(delivery("b-boom"))).isEqualTo(Admission.ACCEPTED);
        assertThat(inbox.offer(delivery("b-2"))).isEqualTo(Admission.ACCEPTED);
        assertThat(executor.waiting()).isEqualTo(1);
    }

    @Test
    void closeDropsWhatWaitsAndRefusesTheRest() {
        WebhookInbox inbox = inbox(10, 1);
        inbox.offer(delivery("b-1"));
        inbox.offer(delivery("b-2"));

        assertThat(inbox.close()).isEqualTo(2);

        assertThat(inbox.waiting()).isZero();
        assertThat(inbox.offer(delivery("b-3"))).isEqualTo(Admission.CLOSED);
        executor.runAll();
        assertThat(processed).isEmpty();
        assertThat(inbox.close()).isZero();
    }

    @Test
    void aRedeliveryArrivingWhileTheFirstAttemptFailsIsNotSwallowed() {
        List<Admission> redelivery = new ArrayList<>();
        List<Delivery> attempts = new ArrayList<>();
        WebhookInbox[] inbox = new WebhookInbox[1];
        inbox[0] = inbox(10, 1, delivery -> {
            attempts.add(delivery);
            if (attempts.size() == 1) {
                // the read-back is slow and then fails; meanwhile the sender, tired of waiting, sends it again
                redelivery.add(inbox[0].offer(delivery("b-1")));
                return false;
            }
            return processed.add(delivery);
        });
        assertThat(inbox[0].offer(delivery("b-1"))).isEqualTo(Admission.ACCEPTED);

        executor.runAll();
        executor.elapse();
        executor.runAll();

        // both copies were answered 200, so the sender will not send a third: one of them must be processed
        assertThat(redelivery).singleElement().isIn(Admission.ACCEPTED, Admission.DUPLICATE);
        assertThat(processed).as("a delivery answered 200 twice, whose first attempt failed, is never processed")
                .containsExactly(delivery("b-1"));
    }

    @Test
    void anAcceptedDeliveryIsProcessedEvenIfTheExecutorRefusedItsWorker() {
        WebhookInbox inbox = inbox(10, 1);
        executor.rejectNext(1);

        Admission admission = inbox.offer(delivery("b-1"));
        executor.runAll();
        executor.elapse();
        executor.runAll();

        // no other delivery comes: an accepted one (200) must not wait for it
        if (admission == Admission.ACCEPTED) {
            assertThat(processed).as("answered 200, but no worker will ever take it").containsExactly(delivery("b-1"));
        } else {
            assertThat(admission).isEqualTo(Admission.FULL);
        }
    }

    @Test
    void aQueuedDeliveryStaysADuplicateWhenMoreWaitThanTheDeduplicationRemembers() {
        // ticketpark.webhook.queue-size may be up to 100000, the deduplication remembers 10000
        WebhookInbox inbox = inbox(Deduplication.MAX_REMEMBERED + 2, 1);
        for (int i = 0; i <= Deduplication.MAX_REMEMBERED; i++) {
            assertThat(inbox.offer(delivery("b-" + i))).isEqualTo(Admission.ACCEPTED);
        }

        // b-0 still waits in the queue, unprocessed, when the sender sends it again
        inbox.offer(delivery("b-0"));
        executor.runAll();

        assertThat(processed.stream().filter(delivery("b-0")::equals))
                .as("the same delivery, within the window, is processed twice").hasSize(1);
    }

    @Test
    void aProcessorThatThrowsAnErrorForgetsTheDeliveryToo() {
        WebhookInbox inbox = inbox(10, 1, delivery -> {
            throw new AssertionError("an observer's assertion, a NoClassDefFoundError, a StackOverflowError");
        });
        inbox.offer(delivery("b-1"));

        try {
            executor.runAll();
        } catch (Error expected) {
            // whether it escapes the worker is not the point
        }

        assertThat(inbox.offer(delivery("b-1"))).as("not processed, yet remembered as seen: the resend is dropped")
                .isEqualTo(Admission.ACCEPTED);
    }

    @Test
    void aDeliveryAcceptedWhileAnotherOffersWorkerIsRefusedIsNotStranded() {
        WebhookInbox[] inbox = new WebhookInbox[1];
        List<Admission> concurrent = new ArrayList<>();
        AtomicBoolean first = new AtomicBoolean(true);
        Executor racing = task -> {
            if (first.getAndSet(false)) {
                // another request comes in while the executor decides about b-1's worker: it sees that worker counted
                concurrent.add(inbox[0].offer(delivery("b-2")));
                throw new RejectedExecutionException("no thread");
            }
            executor.execute(task);
        };
        inbox[0] = new WebhookInbox(10, 1, racing, executor, processed::add,
                new Deduplication(clock, Duration.ofMinutes(10)), observer);

        assertThat(inbox[0].offer(delivery("b-1"))).isEqualTo(Admission.ACCEPTED);
        assertThat(concurrent).containsExactly(Admission.ACCEPTED);
        for (int i = 0; i < 3; i++) {
            executor.elapse();
            executor.runAll();
        }

        assertThat(processed).as("b-2 answered 200, left in the queue with no worker and no restart scheduled")
                .containsExactlyInAnyOrder(delivery("b-1"), delivery("b-2"));
        assertThat(executor.delays()).containsExactly(WebhookInbox.RESTART_DELAY);
    }

    @Test
    void aDuplicateAcknowledgedWhileTheFirstCopysWorkerIsRefusedIsNotSwallowed() {
        WebhookInbox[] inbox = new WebhookInbox[1];
        List<Admission> resent = new ArrayList<>();
        AtomicBoolean first = new AtomicBoolean(true);
        Executor racing = task -> {
            if (first.getAndSet(false)) {
                // the sender, tired of waiting for the first copy's answer, sends it again
                resent.add(inbox[0].offer(delivery("b-1")));
                throw new RejectedExecutionException("no thread");
            }
            executor.execute(task);
        };
        inbox[0] = new WebhookInbox(10, 1, racing, executor, processed::add,
                new Deduplication(clock, Duration.ofMinutes(10)), observer);

        Admission original = inbox[0].offer(delivery("b-1"));
        for (int i = 0; i < 3; i++) {
            executor.elapse();
            executor.runAll();
        }

        assertThat(resent).singleElement().isEqualTo(Admission.DUPLICATE);
        assertThat(original).isEqualTo(Admission.ACCEPTED);
        assertThat(processed).as("the resent copy was answered 200 as a duplicate of one that was then taken back")
                .containsExactly(delivery("b-1"));
    }

    @Test
    void anErrorFromTheExecutorLeavesNoWorkerCounted() {
        AtomicBoolean first = new AtomicBoolean(true);
        Executor failing = task -> {
            if (first.getAndSet(false)) {
                // what ThreadPoolExecutor.execute throws when it cannot start a thread
                throw new OutOfMemoryError("unable to create native thread: possibly out of memory");
            }
            executor.execute(task);
        };
        WebhookInbox inbox = new WebhookInbox(10, 1, failing, executor, processed::add,
                new Deduplication(clock, Duration.ofMinutes(10)), observer);
        try {
            inbox.offer(delivery("b-1"));
        } catch (OutOfMemoryError expected) {
            // the request fails (500): the sender will send it again
        }

        assertThat(inbox.offer(delivery("b-2"))).isEqualTo(Admission.ACCEPTED);
        executor.runAll();

        assertThat(processed).as("a worker counted as running that was never started: none is ever started again")
                .contains(delivery("b-2"));
    }

    @Test
    void aRetryForWhichNeitherAWorkerNorARestartCanBeSetIsNotStranded() {
        List<Delivery> attempts = new ArrayList<>();
        WebhookInbox inbox = inbox(10, 1, delivery -> attempts.add(delivery) && attempts.size() > 1);
        inbox.offer(delivery("b-1"));
        executor.runAll(); // fails: a retry in 10 s
        executor.elapse();
        executor.rejectNext(1);
        executor.rejectDelays(1);
        executor.runAll(); // the retry queues it: no worker can be started, and no restart timer set

        for (int i = 0; i < 3; i++) {
            executor.elapse();
            executor.runAll();
        }

        // no other delivery comes: it must not wait in the queue, pending (a duplicate of it dropped) forever
        assertThat(inbox.waiting() == 0 || executor.delayed() > 0 || executor.waiting() > 0)
                .as("queued with no worker and no restart scheduled").isTrue();
    }

    @Test
    void aDeliveryBeingProcessedAtCloseSetsNoRetryAfterClose() {
        WebhookInbox[] inbox = new WebhookInbox[1];
        List<Integer> dropped = new ArrayList<>();
        inbox[0] = inbox(10, 1, delivery -> {
            dropped.add(inbox[0].close()); // the application stops while the record is read back, which then fails
            return false;
        });
        inbox[0].offer(delivery("b-1"));

        executor.runAll();

        assertThat(executor.delays()).as("a retry timer set on the server's executor after the application stopped")
                .isEmpty();
        assertThat(observer.heard).containsExactly("dropped TPC0409 1");
    }

    @Test
    @RealTime // seconds of threads (or of garbage collection): not in the mutation run
    void underManyThreadsWithRetriesEachAcknowledgedDeliveryIsProcessedExactlyOnce() throws Exception {
        int threads = 8;
        int each = 300;
        int shared = 200;
        int capacity = 50;
        Map<Delivery, AtomicInteger> attempts = new ConcurrentHashMap<>();
        Map<Delivery, AtomicInteger> successes = new ConcurrentHashMap<>();
        Map<Delivery, Boolean> failFirst = new ConcurrentHashMap<>();
        AtomicInteger mostPending = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ExecutorService timers = Executors.newFixedThreadPool(2);
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        WebhookInbox[] inbox = new WebhookInbox[1];
        // the retries run at once, on another thread: RETRY_DELAYS are constants
        inbox[0] = new WebhookInbox(capacity, 3, pool, (delay, task) -> timers.execute(task), delivery -> {
            mostPending.accumulateAndGet(inbox[0].pending(), Math::max);
            int attempt = attempts.computeIfAbsent(delivery, key -> new AtomicInteger()).incrementAndGet();
            if (attempt == 1 && failFirst.computeIfAbsent(delivery, key -> ThreadLocalRandom.current().nextBoolean())) {
                return false;
            }
            successes.computeIfAbsent(delivery, key -> new AtomicInteger()).incrementAndGet();
            return true;
        }, new Deduplication(clock, Duration.ofMinutes(10)), observer);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Map<Delivery, List<Admission>>>> sent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                sent.add(senders.submit(() -> {
                    start.await();
                    Map<Delivery, List<Admission>> answers = new java.util.HashMap<>();
                    for (int i = 0; i < each; i++) {
                        List<Delivery> now = List.of(delivery(thread + "-" + i),
                                delivery("shared-" + ThreadLocalRandom.current().nextInt(shared)),
                                delivery(thread + "-" + ThreadLocalRandom.current().nextInt(i + 1)));
                        for (Delivery delivery : now) {
                            // a sender answered 503 sends it again a little later
                            Admission admission = inbox[0].offer(delivery);
                            while (admission == Admission.FULL) {
                                Thread.sleep(1);
                                admission = inbox[0].offer(delivery);
                            }
                            answers.computeIfAbsent(delivery, key -> new ArrayList<>()).add(admission);
                        }
                    }
                    return answers;
                }));
            }
            start.countDown();
            Map<Delivery, Integer> accepted = new java.util.HashMap<>();
            for (Future<Map<Delivery, List<Admission>>> answers : sent) {
                answers.get(60, TimeUnit.SECONDS).forEach((delivery, admissions) -> {
                    assertThat(admissions).doesNotContain(Admission.CLOSED, Admission.FULL);
                    accepted.merge(delivery, (int) admissions.stream().filter(Admission.ACCEPTED::equals).count(),
                            Integer::sum);
                });
            }

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (inbox[0].pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(inbox[0].pending()).isZero();
            assertThat(inbox[0].waiting()).isZero();
            assertThat(accepted.values()).as("within the window each is accepted once").containsOnly(1);
            assertThat(successes.keySet()).isEqualTo(accepted.keySet());
            assertThat(successes.values()).allSatisfy(count -> assertThat(count).hasValue(1));
            assertThat(failFirst.values()).contains(true, false);
            assertThat(mostPending.get()).isLessThanOrEqualTo(capacity);
            java.lang.reflect.Field running = WebhookInbox.class.getDeclaredField("running");
            running.setAccessible(true);
            while (((AtomicInteger) running.get(inbox[0])).get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(((AtomicInteger) running.get(inbox[0])).get()).as("workers still counted").isZero();
        } finally {
            senders.shutdownNow();
            pool.shutdownNow();
            timers.shutdownNow();
        }
    }
}
