package ch.ticketpark.client.internal.otel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ch.ticketpark.client.status.GrantType;
import ch.ticketpark.client.status.TokenObtained;
import ch.ticketpark.client.status.TokenRequestFailed;
import ch.ticketpark.client.status.TokenStatus;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** What the telemetry records, read back from an OpenTelemetry SDK of Liberty's version with in-memory readers. */
class TelemetryObserverTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .build();
    private final AtomicReference<TokenStatus> status = new AtomicReference<>();
    private final TelemetryObserver observer = new TelemetryObserver(sdk, status::get);

    @AfterEach
    void close() {
        sdk.close();
    }

    private static TokenStatus status(Instant validUntil, Instant circuitOpenUntil) {
        return new TokenStatus(NOW, validUntil != null ? TokenStatus.State.VALID : TokenStatus.State.NONE,
                Optional.ofNullable(validUntil), Optional.empty(), Optional.empty(), 0, 0, 0,
                Optional.ofNullable(circuitOpenUntil), List.of());
    }

    @Test
    void eachTokenRequestIsCountedByGrantTypeAndOutcomeTimedAndOneSpan() {
        observer.obtained(new TokenObtained(GrantType.PASSWORD, NOW, NOW.plusSeconds(600), Duration.ofMillis(120)));
        observer.obtained(new TokenObtained(GrantType.REFRESH_TOKEN, NOW, NOW.plusSeconds(600), Duration.ofMillis(80)));
        observer.obtained(new TokenObtained(GrantType.REFRESH_TOKEN, NOW, NOW.plusSeconds(600), Duration.ofMillis(90)));
        observer.failed(new TokenRequestFailed(GrantType.REFRESH_TOKEN, NOW, "TPC0005", "TPC0005: HTTP 503", 503,
                Duration.ofMillis(30)), new IllegalStateException());
        observer.failed(new TokenRequestFailed(GrantType.PASSWORD, NOW, "TPC0006", "TPC0006: unreachable", 0,
                Duration.ofSeconds(2)), new IllegalStateException());

        Map<String, MetricData> byName = collect();
        assertThat(Metrics.points(byName.get("ticketpark.token.requests"))).containsOnly(
                Map.entry("ticketpark.grant_type=password,ticketpark.outcome=success", 1L),
                Map.entry("ticketpark.grant_type=refresh_token,ticketpark.outcome=success", 2L),
                Map.entry("error.type=TPC0005,http.response.status_code=503,ticketpark.grant_type=refresh_token,"
                        + "ticketpark.outcome=failure", 1L),
                Map.entry("error.type=TPC0006,ticketpark.grant_type=password,ticketpark.outcome=failure", 1L));
        assertThat(byName.get("ticketpark.token.requests").getUnit()).isEqualTo("{request}");
        MetricData duration = byName.get("ticketpark.token.request.duration");
        assertThat(duration.getUnit()).isEqualTo("s");
        assertThat(duration.getHistogramData().getPoints()).hasSize(4)
                .anySatisfy(point -> {
                    assertThat(point.getCount()).isEqualTo(2);
                    assertThat(point.getSum()).isCloseTo(0.17, org.assertj.core.data.Offset.offset(1e-9));
                });

        List<SpanData> ended = spans.getFinishedSpanItems();
        assertThat(ended).hasSize(5).allSatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(span.getEndEpochNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(NOW.getEpochSecond()));
        });
        assertThat(ended.get(0).getName()).isEqualTo("ticketpark token request password");
        assertThat(ended.get(0).getEndEpochNanos() - ended.get(0).getStartEpochNanos())
                .isEqualTo(Duration.ofMillis(120).toNanos());
        assertThat(ended.get(3).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(ended.get(3).getStatus().getDescription()).isEqualTo("TPC0005");
        assertThat(ended.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void refreshesAheadAndRejectedTokensAreCounted() {
        observer.refreshAheadStarted();
        observer.tokenRejected();
        observer.tokenRejected();

        Map<String, MetricData> byName = collect();
        assertThat(Metrics.points(byName.get("ticketpark.token.refreshes_ahead"))).containsOnly(Map.entry("", 1L));
        assertThat(Metrics.points(byName.get("ticketpark.api.token_rejections"))).containsOnly(Map.entry("", 2L));
    }

    @Test
    void theGaugesReadTheStatusWhenCollectedAndStopAtClose() {
        status.set(status(NOW.plusSeconds(42), null));
        Map<String, MetricData> valid = collect();
        status.set(status(null, NOW.plusSeconds(30)));
        Map<String, MetricData> open = collect();
        observer.close();
        Map<String, MetricData> closed = collect();

        assertThat(gauge(valid, "ticketpark.token.time_until_expiry")).isEqualTo(42);
        assertThat(gauge(valid, "ticketpark.token.circuit_breaker.open")).isZero();
        assertThat(gauge(open, "ticketpark.token.time_until_expiry")).isZero();
        assertThat(gauge(open, "ticketpark.token.circuit_breaker.open")).isEqualTo(1);
        assertThat(closed).doesNotContainKeys("ticketpark.token.time_until_expiry",
                "ticketpark.token.circuit_breaker.open");
    }

    @Test
    void beforeThereIsAStatusTheGaugesRecordNothing() {
        assertThat(collect()).doesNotContainKeys("ticketpark.token.time_until_expiry",
                "ticketpark.token.circuit_breaker.open");
    }

    private Map<String, MetricData> collect() {
        return Metrics.collect(metrics);
    }

    private static long gauge(Map<String, MetricData> byName, String name) {
        return byName.get(name).getLongGaugeData().getPoints().iterator().next().getValue();
    }

}
