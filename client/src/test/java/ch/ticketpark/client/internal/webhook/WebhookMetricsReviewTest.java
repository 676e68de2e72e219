package ch.ticketpark.client.internal.webhook;

import static ch.ticketpark.client.internal.webhook.DeduplicationTest.delivery;
import static ch.ticketpark.client.internal.webhook.WebhookReceiverTest.NEW_BOOKING;
import static ch.ticketpark.client.internal.webhook.WebhookReceiverTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;

import jakarta.enterprise.event.Event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.ticketpark.client.exception.ApiServerErrorException;
import ch.ticketpark.client.internal.observe.Observers;
import ch.ticketpark.client.internal.observe.WebhookObserver;
import ch.ticketpark.client.internal.webhook.WebhookInbox.Admission;
import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.support.MutableClock;
import ch.ticketpark.client.webhook.TicketparkWebhook;

/** Review of b5e1fd6: each accepted delivery ends as exactly one event or one drop, whatever its observer does. */
class WebhookMetricsReviewTest {

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private final FakeRecords records = new FakeRecords();
    private final RecordingEvents events = new RecordingEvents();
    private final ManualExecutor executor = new ManualExecutor();
    private final RecordingWebhookObserver observer = new RecordingWebhookObserver();
    private final MutableClock clock = new MutableClock();

    /**
     * The worker counts a failed read-back as retrying (under the lock), the application stops on another thread
     * (close() counts it among the lost, TPC0409, and shuts the receiver's own timer down), then the worker's retry
     * timer is refused and it gives the same delivery up (TPC0412): one delivery, two drops, two log lines.
     */
    @Test
    void aDeliveryWhoseRetryTimerIsRefusedBecauseTheApplicationStopsIsDroppedOnce() {
        records.failing(new ApiServerErrorException("TPC0105: down", 503, "GET", "/bookings/b-1", ""));
        WebhookReceiver receiver = new WebhookReceiver(null, records, events, null);
        receiver.open("/shop", WebhookReceiverTest.config(Map.of()).withoutSecrets(), executor, (delay, task) -> {
            receiver.close(); // @PreDestroy, between retrying++ and schedule(): then owned.shutdown() refuses it
            throw new RejectedExecutionException("shut down");
        }, observer);

        assertThat(receiver.accept(body(NEW_BOOKING)).status()).isEqualTo(200);
        executor.runAll();

        assertThat(observer.heard.stream().filter(heard -> heard.startsWith("dropped")))
                .as("one accepted delivery, counted as dropped twice").hasSize(1);
        assertThat(log.withCode("TPC0409").size() + log.withCode("TPC0412").size()).isEqualTo(1);
    }

    /**
     * A synchronous observer throws an Error (an AssertionError, a NoClassDefFoundError): WebhookEvents catches only
     * RuntimeException, hands the event to the asynchronous observers in its finally block, and the Error reaches the
     * inbox, which counts the delivery as dropped (TPC0411, "fired no event") though its event was fired.
     */
    @Test
    void anEventFiredToTheObserversIsNotCountedAsDroppedWhenASynchronousObserverThrowsAnError() {
        List<String> calls = new CopyOnWriteArrayList<>();
        @SuppressWarnings("unchecked")
        Event<TicketparkWebhook> cdi = (Event<TicketparkWebhook>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{Event.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    if (method.getName().equals("fire")) {
                        throw new NoClassDefFoundError("com/example/Missing"); // the application's observer
                    }
                    return CompletableFuture.completedFuture(args[0]);
                });
        WebhookReceiver receiver = new WebhookReceiver(null, records, new WebhookEvents(cdi), null);
        receiver.open("/shop", WebhookReceiverTest.config(Map.of()).withoutSecrets(), executor, executor, observer);

        receiver.accept(body(NEW_BOOKING));
        try {
            executor.runAll();
        } catch (Error notThePoint) {
            // whether it escapes the worker is not the point
        }

        assertThat(calls).as("the event reached the observers").containsExactly("fire", "fireAsync");
        assertThat(observer.heard).as("counted as a delivery that fired no event")
                .containsExactly("answered accepted 200", "fired new-booking");
    }

    /**
     * Observers.isolated rethrows a VirtualMachineError (tested: anOutOfMemoryErrorIsNotSwallowed). The inbox calls
     * dropped() before it takes the delivery out of the pending set, so an OutOfMemoryError in the metrics leaves it
     * pending for good: the gauge stays up and every resend, after any window, is answered 200 as a duplicate and
     * dropped. processed() takes care to clean up before rethrowing a VirtualMachineError; the observer call before
     * that clean-up defeats it.
     */
    @Test
    void anObserverThatRunsOutOfMemoryLosesNoDelivery() {
        WebhookObserver outOfMemory = Observers.isolated(new WebhookObserver() {

            @Override
            public void dropped(Drop why, int count) {
                throw new OutOfMemoryError("Java heap space");
            }
        });
        WebhookInbox inbox = new WebhookInbox(10, 1, executor, executor, delivery -> false,
                new Deduplication(clock, Duration.ofMinutes(10)), outOfMemory);
        executor.rejectDelays(1); // the retry cannot be set: given up at once (TPC0412)
        inbox.offer(delivery("b-1"));
        try {
            executor.runAll();
        } catch (OutOfMemoryError notThePoint) {
            // the worker may die of it
        }
        clock.advance(Duration.ofHours(1));

        assertThat(inbox.pending()).as("given up, yet pending for good").isZero();
        assertThat(inbox.offer(delivery("b-1"))).as("its resend, an hour later").isEqualTo(Admission.ACCEPTED);
    }
}
