package ch.ticketpark.client.internal.otel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.inject.Instance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ch.ticketpark.client.internal.observe.WebhookObserver;
import ch.ticketpark.client.internal.observe.WebhookObserver.Answer;
import ch.ticketpark.client.internal.observe.WebhookObserver.Drop;
import ch.ticketpark.client.support.Stubs;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;

/** The webhook receiver's metrics, read back from an OpenTelemetry SDK of Liberty's version. */
class WebhookTelemetryTest {

    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build()).build();
    private final AtomicInteger pending = new AtomicInteger(-1);
    private final WebhookObserver observer = new WebhookTelemetry(sdk, pending::get);

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void requestsAreCountedByAnswerAndStatus() {
        observer.answered(Answer.ACCEPTED, 200);
        observer.answered(Answer.ACCEPTED, 200);
        observer.answered(Answer.DUPLICATE, 200);
        observer.answered(Answer.REFUSED, 503);
        observer.answered(Answer.INVALID, 400);
        observer.answered(Answer.INVALID, 413);
        observer.answered(Answer.NOT_FOUND, 404);

        MetricData deliveries = collect().get("ticketpark.webhook.deliveries");
        assertThat(deliveries.getUnit()).isEqualTo("{request}");
        assertThat(Metrics.points(deliveries)).containsOnly(
                Map.entry("http.response.status_code=200,ticketpark.outcome=accepted", 2L),
                Map.entry("http.response.status_code=200,ticketpark.outcome=duplicate", 1L),
                Map.entry("http.response.status_code=503,ticketpark.outcome=refused", 1L),
                Map.entry("http.response.status_code=400,ticketpark.outcome=invalid", 1L),
                Map.entry("http.response.status_code=413,ticketpark.outcome=invalid", 1L),
                Map.entry("http.response.status_code=404,ticketpark.outcome=not_found", 1L));
    }

    @Test
    void eventsAreCountedByTypeDropsByCodeAndRetries() {
        observer.fired("new-booking");
        observer.fired("new-booking");
        observer.fired("unknown");
        observer.dropped(Drop.RECORD_UNKNOWN, 1);
        observer.dropped(Drop.LOST_AT_STOP, 3);
        observer.dropped(Drop.GIVEN_UP, 1);
        observer.retrying();
        observer.retrying();

        Map<String, MetricData> byName = collect();
        assertThat(Metrics.points(byName.get("ticketpark.webhook.events"))).containsOnly(
                Map.entry("ticketpark.webhook.type=new-booking", 2L),
                Map.entry("ticketpark.webhook.type=unknown", 1L));
        assertThat(Metrics.points(byName.get("ticketpark.webhook.dropped"))).containsOnly(
                Map.entry("error.type=TPC0402", 1L), Map.entry("error.type=TPC0409", 3L),
                Map.entry("error.type=TPC0412", 1L));
        assertThat(Metrics.points(byName.get("ticketpark.webhook.read_back_retries"))).containsOnly(Map.entry("", 2L));
    }

    @Test
    void thePendingCountIsReadWhenCollectedNotBeforeTheReceiverStartsAndNotAfterClose() {
        assertThat(collect()).doesNotContainKey("ticketpark.webhook.pending");
        pending.set(7);
        Map<String, MetricData> seven = collect();
        pending.set(0);
        Map<String, MetricData> none = collect();
        pending.set(3);
        observer.close();

        assertThat(pendingCount(seven)).isEqualTo(7);
        assertThat(seven.get("ticketpark.webhook.pending").getUnit()).isEqualTo("{delivery}");
        assertThat(pendingCount(none)).isZero();
        assertThat(collect()).doesNotContainKey("ticketpark.webhook.pending");
    }

    @Test
    void theApplicationsOpenTelemetryBeanRecordsThemAndWithoutOneNothingDoes() {
        WebhookObserver found = Telemetry.webhookObserver(beans(sdk), () -> 0);
        found.answered(Answer.ACCEPTED, 200);

        assertThat(Metrics.points(collect().get("ticketpark.webhook.deliveries"))).containsOnly(
                Map.entry("http.response.status_code=200,ticketpark.outcome=accepted", 1L));
        assertThat(Telemetry.webhookObserver(beans(null), () -> 0)).isSameAs(WebhookObserver.NONE);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Instance<Object> beans(OpenTelemetry telemetry) {
        Instance<Object> found = (Instance) Stubs.of(Instance.class,
                Map.of("isResolvable", args -> telemetry != null, "get", args -> telemetry));
        return (Instance) Stubs.of(Instance.class, Map.of("select", args -> found));
    }

    private Map<String, MetricData> collect() {
        return Metrics.collect(metrics);
    }

    private static long pendingCount(Map<String, MetricData> byName) {
        return byName.get("ticketpark.webhook.pending").getLongSumData().getPoints().iterator().next().getValue();
    }

}
