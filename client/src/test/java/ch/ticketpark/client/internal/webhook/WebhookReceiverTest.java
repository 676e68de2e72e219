package ch.ticketpark.client.internal.webhook;

import static ch.ticketpark.client.support.Fixtures.WEBHOOK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogRecord;

import javax.naming.Context;
import javax.naming.spi.InitialContextFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ch.ticketpark.client.exception.ApiServerErrorException;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.config.TicketparkExtension;
import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Person;
import ch.ticketpark.client.support.Fixtures;
import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.support.MapConfig;
import ch.ticketpark.client.support.Stubs;
import ch.ticketpark.client.webhook.NewBooking;
import ch.ticketpark.client.webhook.TicketparkWebhook;
import ch.ticketpark.client.webhook.UnknownWebhook;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;

class WebhookReceiverTest {

    static final String NEW_BOOKING = "{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":\"b-1\"}}";

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private final FakeRecords records = new FakeRecords();
    private final RecordingEvents events = new RecordingEvents();
    private final ManualExecutor executor = new ManualExecutor();
    private final RecordingWebhookObserver observer = new RecordingWebhookObserver();
    private final WebhookReceiver receiver = new WebhookReceiver(null, records, events, null);

    static TicketparkConfig config(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(Map.of(TicketparkConfig.WEBHOOK_ENABLED, "true",
                TicketparkConfig.WEBHOOK_SECRET, WEBHOOK_SECRET));
        properties.putAll(overrides);
        return MapConfig.load("https://api.ticketpark.ch", properties);
    }

    private void open(Map<String, String> overrides) {
        receiver.open("/shop", config(overrides).withoutSecrets(), executor, executor, observer);
    }

    @AfterEach
    void noSecretInTheLog() {
        for (LogRecord record : log.records()) {
            assertThat(LogCapture.formatted(record)).doesNotContain(Fixtures.SECRETS);
        }
    }

    @Test
    void openSaysWhereWebhooksAreReceivedWithoutTheSecret() {
        open(Map.of(TicketparkConfig.WEBHOOK_PATH, "/hooks", TicketparkConfig.WEBHOOK_READ_BACK, "false"));

        assertThat(log.withCode("TPC0401")).singleElement().satisfies(record -> assertThat(record.getMessage())
                .contains("received at /shop/hooks/ followed by the secret", "read-back=false"));
        receiver.open("/other", config(Map.of()), executor, executor, observer);
        assertThat(log.withCode("TPC0401")).hasSize(1);
    }

    @Test
    void onlyTheExactSecretIsAuthentic() {
        assertThat(receiver.authentic("/" + WEBHOOK_SECRET)).as("before open").isFalse();
        open(Map.of());

        assertThat(receiver.authentic("/" + WEBHOOK_SECRET)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "//", WEBHOOK_SECRET, "/" + WEBHOOK_SECRET + "x", "/" + WEBHOOK_SECRET + "/",
            "/x" + WEBHOOK_SECRET, "//" + WEBHOOK_SECRET, "/another-secret-of-16", "/hook-S3cret_of.the~ap",
            "x" + WEBHOOK_SECRET})
    void anythingElseIsNot(String pathInfo) {
        open(Map.of());

        assertThat(receiver.authentic(pathInfo)).isFalse();
        assertThat(receiver.authentic(null)).isFalse();
    }

    @Test
    void aValidDeliveryIsAnsweredAtOnceAndProcessedOnAWorker() {
        open(Map.of());

        assertThat(receiver.accept(body(NEW_BOOKING))).isEqualTo(new WebhookReceiver.Answer(200, 0));
        assertThat(events.fired).isEmpty();

        executor.runAll();
        assertThat(events.fired).containsExactly(new NewBooking(FakeRecords.apiBooking("b-1")));
        assertThat(events.asyncExecutors).containsExactly(executor);
    }

    @Test
    void aDuplicateIsAcknowledgedAndFiresNothing() {
        open(Map.of());
        receiver.accept(body(NEW_BOOKING));
        executor.runAll();

        assertThat(receiver.accept(body("{\"payload\":{\"booking_pid\":\"b-1\"},\"type\":\"new-booking\"}")))
                .isEqualTo(new WebhookReceiver.Answer(200, 0));
        executor.runAll();
        assertThat(events.fired).hasSize(1);
    }

    @Test
    void withoutReadBackTheEventHoldsTheReference() {
        open(Map.of(TicketparkConfig.WEBHOOK_READ_BACK, "false"));
        receiver.accept(body(NEW_BOOKING));
        executor.runAll();

        assertThat(records.reads).isEmpty();
        assertThat(events.fired).singleElement()
                .satisfies(event -> assertThat(((NewBooking) event).booking().pidReadable()).isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hook-S3cret_of.the~app", "[\"hook-S3cret_of.the~app\"]",
            "{\"type\":\"hook-S3cret_of.the~app!\"}",
            "{\"type\":\"new-booking\",\"payload\":\"hook-S3cret_of.the~app\"}"})
    void aBadBodyIsRefusedWith400AndNotQuoted(String body) {
        open(Map.of());

        assertThat(receiver.accept(body(body))).isEqualTo(new WebhookReceiver.Answer(400, 0));

        assertThat(log.withCode("TPC0407")).singleElement()
                .satisfies(record -> assertThat(LogCapture.formatted(record)).doesNotContain(WEBHOOK_SECRET));
        executor.runAll();
        assertThat(events.fired).isEmpty();
    }

    @Test
    void aBodyNestedTooDeeplyIsRefusedWith400() {
        open(Map.of());

        assertThat(receiver.accept(body("{\"type\":\"x\",\"payload\":" + "[".repeat(2_000))))
                .isEqualTo(new WebhookReceiver.Answer(400, 0));
        assertThat(log.withCode("TPC0407")).singleElement()
                .satisfies(record -> assertThat(record.getMessage())
                        .endsWith("refused with HTTP 400: its body is not JSON"));
    }

    @Test
    void aFullQueueIsAnswered503WithRetryAfter() {
        open(Map.of(TicketparkConfig.WEBHOOK_QUEUE_SIZE, "1"));
        receiver.accept(body(NEW_BOOKING));

        assertThat(receiver.accept(body("{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":\"b-2\"}}")))
                .isEqualTo(new WebhookReceiver.Answer(503, 5));
        assertThat(log.withCode("TPC0404")).hasSize(1);
    }

    @Test
    void aClosedReceiverAnswers503() {
        open(Map.of());
        receiver.close();

        assertThat(receiver.accept(body(NEW_BOOKING))).isEqualTo(new WebhookReceiver.Answer(503, 5));
    }

    @Test
    void aBodyTooLargeIsAnswered413() {
        assertThat(receiver.tooLarge()).isEqualTo(new WebhookReceiver.Answer(413, 0));
        assertThat(log.withCode("TPC0407")).singleElement().satisfies(
                record -> assertThat(record.getMessage())
                        .contains("refused with HTTP 413: its body is larger than 65536 bytes"));
    }

    @Test
    void aDeliveryWhoseRecordCouldNotBeReadIsTriedAgainUntilTheLastAttemptThenProcessedWhenSentAgain() {
        open(Map.of());
        records.failing(new ApiServerErrorException("TPC0105: down", 503, "GET", "/bookings/b-1", ""));
        receiver.accept(body(NEW_BOOKING));
        executor.runAll();
        assertThat(events.fired).isEmpty();
        assertThat(log.withCode("TPC0406")).hasSize(1);
        // pending: the same delivery sent meanwhile is a duplicate
        assertThat(receiver.accept(body(NEW_BOOKING))).isEqualTo(new WebhookReceiver.Answer(200, 0));
        for (int retry = 0; retry < WebhookInbox.RETRY_DELAYS.size(); retry++) {
            executor.elapse();
            executor.runAll();
        }

        assertThat(executor.delays()).isEqualTo(WebhookInbox.RETRY_DELAYS);
        assertThat(records.reads).hasSize(1 + WebhookInbox.RETRY_DELAYS.size());
        assertThat(log.withCode("TPC0406")).hasSize(6);
        assertThat(log.withCode("TPC0412")).singleElement().satisfies(record -> assertThat(record.getMessage())
                .contains("new-booking was dropped after 6 attempts"));
        assertThat(events.fired).isEmpty();

        records.heal();
        assertThat(receiver.accept(body(NEW_BOOKING))).isEqualTo(new WebhookReceiver.Answer(200, 0));
        executor.runAll();

        assertThat(events.fired).containsExactly(new NewBooking(FakeRecords.apiBooking("b-1")));
        assertThat(records.reads).hasSize(2 + WebhookInbox.RETRY_DELAYS.size());
    }

    @Test
    void anAcceptedDeliveryWhoseReadBackFailsOnceIsProcessedWithoutBeingSentAgain() {
        // the API (or its token endpoint, or the circuit breaker) fails for a moment, then is back
        AtomicInteger reads = new AtomicInteger();
        WebhookReceiver once = new WebhookReceiver(null, new Records() {

            @Override
            public Booking booking(String pid) {
                if (reads.incrementAndGet() == 1) {
                    throw new ApiServerErrorException("TPC0105: down", 503, "GET", "/bookings/" + pid, "");
                }
                return FakeRecords.apiBooking(pid);
            }

            @Override
            public Person person(String pid) {
                return FakeRecords.apiPerson(pid);
            }
        }, events, null);
        once.open("/shop", config(Map.of()).withoutSecrets(), executor, executor, observer);

        // Ticketpark got its 200: it has no reason to send this delivery again
        assertThat(once.accept(body(NEW_BOOKING))).isEqualTo(new WebhookReceiver.Answer(200, 0));
        executor.runAll();
        assertThat(events.fired).isEmpty();
        assertThat(executor.delays()).containsExactly(WebhookInbox.RETRY_DELAYS.get(0));
        executor.elapse();
        executor.runAll();

        assertThat(events.fired).as("an accepted delivery is lost to a transient read-back failure")
                .containsExactly(new NewBooking(FakeRecords.apiBooking("b-1")));
    }

    @Test
    void aDeliveryWhoseRecordIsUnknownIsDoneWith() {
        open(Map.of());
        records.unknown("b-1");
        receiver.accept(body(NEW_BOOKING));
        executor.runAll();

        receiver.accept(body(NEW_BOOKING));
        executor.runAll();
        assertThat(records.reads).containsExactly("booking:b-1");
        assertThat(events.fired).isEmpty();
    }

    @Test
    void anUnknownTypeIsFired() {
        open(Map.of());
        receiver.accept(body("{\"type\":\"new-venue\"}"));
        executor.runAll();

        assertThat(events.fired)
                .containsExactly(new UnknownWebhook("new-venue", "{\"type\":\"new-venue\",\"payload\":{}}"));
    }

    @Test
    void closeLogsHowManyDeliveriesWereDropped() {
        open(Map.of());
        receiver.accept(body(NEW_BOOKING));
        receiver.accept(body("{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":\"b-2\"}}"));

        receiver.close();

        assertThat(log.withCode("TPC0409")).singleElement()
                .satisfies(record -> assertThat(record.getMessage()).startsWith("TPC0409: 2 accepted"));
        assertThat(observer.heard).containsExactly("answered accepted 200", "answered accepted 200",
                "dropped TPC0409 2", "close");
        executor.runAll();
        assertThat(events.fired).isEmpty();
    }

    @Test
    void closeWithNothingWaitingLogsNothing() {
        receiver.close();
        open(Map.of());
        receiver.accept(body(NEW_BOOKING));
        executor.runAll();

        receiver.close();

        assertThat(log.withCode("TPC0409")).isEmpty();
        assertThat(observer.heard).containsExactly("answered accepted 200", "fired new-booking", "close");
    }

    /**
     * With the application's OpenTelemetry (mpTelemetry), the receiver records its metrics, and the pending count is
     * the inbox's: 1 while the delivery's observers run, 0 after.
     */
    @Test
    void withTheApplicationsOpenTelemetryTheReceiverRecordsItsMetrics() throws Exception {
        InMemoryMetricReader metrics = InMemoryMetricReader.create();
        CountDownLatch firing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build()).build()) {
            WebhookReceiver measured = new WebhookReceiver(extension(config(Map.of())), records, new WebhookEvents() {

                @Override
                public void fire(TicketparkWebhook webhook, Executor async) {
                    firing.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, Beans.with(sdk));
            measured.open("/shop");
            try {
                assertThat(measured.accept(body(NEW_BOOKING)).status()).isEqualTo(200);
                assertThat(measured.accept(body(NEW_BOOKING)).status()).isEqualTo(200);
                assertThat(firing.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(metric(metrics, "ticketpark.webhook.pending")).containsExactly(1L);

                release.countDown();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!metric(metrics, "ticketpark.webhook.events").equals(List.of(1L))
                        || !metric(metrics, "ticketpark.webhook.pending").equals(List.of(0L))) {
                    assertThat(System.nanoTime()).as("the worker finishes").isLessThan(end);
                    Thread.sleep(5);
                }
                assertThat(metric(metrics, "ticketpark.webhook.deliveries")).containsExactlyInAnyOrder(1L, 1L);
            } finally {
                release.countDown();
                measured.close();
            }
        }
    }

    /** The values of a metric's points, as the SDK collects them now. */
    private static List<Long> metric(InMemoryMetricReader metrics, String name) {
        return metrics.collectAllMetrics().stream().filter(metric -> metric.getName().equals(name))
                .flatMap(metric -> metric.getLongSumData().getPoints().stream()).map(LongPointData::getValue)
                .toList();
    }

    @Test
    void withoutAManagedExecutorTheReceiverRunsDaemonThreadsOfItsOwnAndStopsThemAtClose() throws Exception {
        CompletableFuture<Thread> worker = new CompletableFuture<>();
        WebhookReceiver own = new WebhookReceiver(extension(config(Map.of())), records, new WebhookEvents() {

            @Override
            public void fire(TicketparkWebhook webhook, Executor async) {
                events.fire(webhook, async);
                worker.complete(Thread.currentThread());
            }
        }, Beans.with(null));
        own.open("/shop");
        assertThat(log.withCode("TPC0410")).hasSize(1);
        assertThat(log.withCode("TPC0401")).hasSize(1);

        own.accept(body(NEW_BOOKING));

        Thread thread = worker.get(10, TimeUnit.SECONDS);
        assertThat(thread.getName()).isEqualTo("ticketpark-webhook");
        assertThat(thread.isDaemon()).isTrue();
        assertThat(events.asyncExecutors).containsExactly((Executor) null);
        own.close();
        thread.join(10_000);
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void theServersManagedExecutorRunsTheWorkersAndTheAsynchronousObservers() {
        WebhookReceiver managed = new WebhookReceiver(extension(config(Map.of())), records, events, Beans.with(null));
        String previous = System.setProperty(Context.INITIAL_CONTEXT_FACTORY, ServerNaming.class.getName());
        try {
            managed.open("/shop");
        } finally {
            if (previous == null) {
                System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
            } else {
                System.setProperty(Context.INITIAL_CONTEXT_FACTORY, previous);
            }
        }
        managed.open("/shop");
        assertThat(log.withCode("TPC0410")).isEmpty();
        assertThat(log.withCode("TPC0401")).hasSize(1);

        managed.accept(body(NEW_BOOKING));
        SERVERS_EXECUTOR.runAll();

        assertThat(events.fired).hasSize(1);
        assertThat(events.asyncExecutors).singleElement().isSameAs(SERVERS_SCHEDULED);
        managed.close();
    }

    private static final ManualExecutor SERVERS_EXECUTOR = new ManualExecutor();
    private static final ScheduledExecutorService SERVERS_SCHEDULED = SERVERS_EXECUTOR.scheduled();

    /** A server's naming, which knows its default managed executor only. */
    public static final class ServerNaming implements InitialContextFactory {

        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            return Stubs.of(Context.class, Map.of("lookup",
                    args -> WebhookReceiver.MANAGED_EXECUTOR.equals(String.valueOf(args[0]))
                            ? SERVERS_SCHEDULED
                            : null));
        }
    }

    /** The extension as the deployment left it: with the configuration it validated. */
    private static TicketparkExtension extension(TicketparkConfig config) {
        return new TicketparkExtension() {

            @Override
            public TicketparkConfig config() {
                return config;
            }
        };
    }

    static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
