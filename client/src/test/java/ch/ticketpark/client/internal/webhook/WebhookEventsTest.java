package ch.ticketpark.client.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.webhook.NewPerson;
import ch.ticketpark.client.webhook.TicketparkWebhook;

class WebhookEventsTest {

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private final TicketparkWebhook webhook = new NewPerson(FakeRecords.apiPerson("u-1"));
    private final List<String> calls = new ArrayList<>();
    private RuntimeException syncFailure;
    private RuntimeException asyncRefused;
    private CompletableFuture<TicketparkWebhook> async = CompletableFuture.completedFuture(null);

    /** An {@link Event} that records the calls, fails the synchronous fire if told and answers the async one so. */
    @SuppressWarnings("unchecked")
    private Event<TicketparkWebhook> event() {
        return (Event<TicketparkWebhook>) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{Event.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "fire" -> {
                            calls.add("fire " + args[0]);
                            if (syncFailure != null) {
                                throw syncFailure;
                            }
                            return null;
                        }
                        case "fireAsync" -> {
                            calls.add("fireAsync " + args[0] + (args.length > 1
                                    ? " on " + ((NotificationOptions) args[1]).getExecutor()
                                    : ""));
                            if (asyncRefused != null) {
                                throw asyncRefused;
                            }
                            return async;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Test
    void firesToTheSynchronousThenTheAsynchronousObserversOnTheExecutor() {
        Executor executor = Runnable::run;

        new WebhookEvents(event()).fire(webhook, executor);

        assertThat(calls).containsExactly("fire " + webhook, "fireAsync " + webhook + " on " + executor);
        assertThat(log.records()).isEmpty();
    }

    @Test
    void withoutExecutorTheAsynchronousObserversRunOnTheContainers() {
        new WebhookEvents(event()).fire(webhook, null);

        assertThat(calls).containsExactly("fire " + webhook, "fireAsync " + webhook);
    }

    @Test
    void aSynchronousObserverThatThrowsIsLoggedAndTheAsynchronousOnesStillRun() {
        syncFailure = new IllegalStateException("observer failed with secret data");

        new WebhookEvents(event()).fire(webhook, null);

        assertThat(calls).containsExactly("fire " + webhook, "fireAsync " + webhook);
        assertThat(log.withCode("TPC0405")).singleElement().satisfies(record -> assertThat(record.getMessage())
                .isEqualTo("TPC0405: An observer of the Ticketpark webhook new-person failed "
                        + "(java.lang.IllegalStateException); the other observers ran")
                .doesNotContain("secret data"));
    }

    @Test
    void anAsynchronousObserverThatThrowsIsLoggedByItsException() {
        CompletionException failure = new CompletionException(new RuntimeException("wrapped"));
        failure.addSuppressed(new IllegalArgumentException("first observer"));
        failure.addSuppressed(new UnsupportedOperationException("second observer"));
        async = CompletableFuture.failedFuture(failure);

        new WebhookEvents(event()).fire(webhook, null);

        assertThat(log.withCode("TPC0405")).singleElement().satisfies(record -> assertThat(record.getMessage())
                .contains("new-person (async) failed (java.lang.IllegalArgumentException)"));
    }

    @Test
    void anAsynchronousFailureWithoutSuppressedExceptionsIsLoggedByItsCause() {
        async = CompletableFuture.failedFuture(new CompletionException(new IllegalStateException("cause")));

        new WebhookEvents(event()).fire(webhook, null);

        assertThat(log.withCode("TPC0405")).singleElement().satisfies(record -> assertThat(record.getMessage())
                .contains("new-person (async) failed (java.lang.IllegalStateException)"));
    }

    @Test
    void aBareCompletionExceptionIsLoggedAsSuch() {
        async = CompletableFuture.failedFuture(new CompletionException("bare", null));

        new WebhookEvents(event()).fire(webhook, null);

        assertThat(log.withCode("TPC0405")).singleElement().satisfies(record -> assertThat(record.getMessage())
                .contains("(async) failed (java.util.concurrent.CompletionException)"));
    }

    @Test
    void anotherAsynchronousFailureIsLoggedAsItIs() {
        async = CompletableFuture.failedFuture(new ArithmeticException("other"));

        new WebhookEvents(event()).fire(webhook, null);

        assertThat(log.withCode("TPC0405")).singleElement().satisfies(record -> assertThat(record.getMessage())
                .contains("(async) failed (java.lang.ArithmeticException)"));
    }

    /**
     * Weld's {@code fireAsync} hands the notification to the executor at once: a managed executor that refuses it (the
     * server stops, its queue is full) throws from {@code fireAsync}, after the synchronous observers ran. The worker
     * then takes the delivery for unprocessed (TPC0411) and forgets it, so that the same delivery sent again runs the
     * synchronous observers a second time.
     */
    @Test
    void anAsynchronousNotificationTheExecutorRefusesIsLoggedAndDoesNotFailTheDelivery() {
        asyncRefused = new RejectedExecutionException("no thread");

        Throwable thrown = catchThrowable(() -> new WebhookEvents(event()).fire(webhook, Runnable::run));

        assertThat(calls).hasSize(2).first().isEqualTo("fire " + webhook);
        assertThat(thrown).as("escapes to the worker, which forgets a delivery whose observers ran").isNull();
        assertThat(log.withCode("TPC0405")).hasSize(1);
    }
}
