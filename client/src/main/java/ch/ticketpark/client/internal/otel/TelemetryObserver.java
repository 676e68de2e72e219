package ch.ticketpark.client.internal.otel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.inject.Vetoed;

import ch.ticketpark.client.internal.observe.TokenObserver;
import ch.ticketpark.client.status.GrantType;
import ch.ticketpark.client.status.TokenObtained;
import ch.ticketpark.client.status.TokenRequestFailed;
import ch.ticketpark.client.status.TokenStatus;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

/**
 * Records the client's metrics and one span per token request, from what the lifecycle tells its observer. Every
 * recording is a counter, a histogram or a span ended at once: it never waits. The gauges read the status when the
 * SDK collects them, on its own thread. No attribute holds a token, a password or the client secret: grant type,
 * outcome, message code, HTTP status.
 */
@Vetoed
final class TelemetryObserver implements TokenObserver {

    static final String SCOPE = "ch.ticketpark.client";
    static final AttributeKey<String> GRANT_TYPE = AttributeKey.stringKey("ticketpark.grant_type");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("ticketpark.outcome");
    /** The semantic conventions' attribute for the kind of failure: here the message code, e.g. {@code TPC0005}. */
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Long> STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    /** The semantic conventions' advice for request durations, in seconds. */
    private static final List<Double> BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0,
            2.5, 5.0, 7.5, 10.0);

    private final Tracer tracer;
    private final LongCounter requests;
    private final DoubleHistogram duration;
    private final LongCounter refreshesAhead;
    private final LongCounter rejections;
    private final ObservableLongGauge circuitOpen;
    private final ObservableLongGauge untilExpiry;

    TelemetryObserver(OpenTelemetry telemetry, Supplier<TokenStatus> status) {
        Meter meter = telemetry.getMeter(SCOPE);
        this.tracer = telemetry.getTracer(SCOPE);
        this.requests = meter.counterBuilder("ticketpark.token.requests").setUnit("{request}")
                .setDescription("Token requests sent, by grant type and outcome").build();
        this.duration = meter.histogramBuilder("ticketpark.token.request.duration").setUnit("s")
                .setDescription("How long a token request took, from sending it to its answer")
                .setExplicitBucketBoundariesAdvice(BUCKETS).build();
        this.refreshesAhead = meter.counterBuilder("ticketpark.token.refreshes_ahead").setUnit("{refresh}")
                .setDescription("Refreshes started ahead of expiry, in the background").build();
        this.rejections = meter.counterBuilder("ticketpark.api.token_rejections").setUnit("{response}")
                .setDescription("API answers 401 that rejected the token; each call is replayed once where it can be "
                        + "sent twice")
                .build();
        this.circuitOpen = meter.gaugeBuilder("ticketpark.token.circuit_breaker.open").ofLongs().setUnit("1")
                .setDescription("1 while the circuit breaker of the token endpoint is open, else 0")
                .buildWithCallback(gauge -> {
                    TokenStatus now = status.get();
                    if (now != null) {
                        gauge.record(now.circuitOpenUntil().isPresent() ? 1 : 0);
                    }
                });
        this.untilExpiry = meter.gaugeBuilder("ticketpark.token.time_until_expiry").ofLongs().setUnit("s")
                .setDescription("Seconds until the current access token expires; 0 without a valid one")
                .buildWithCallback(gauge -> {
                    TokenStatus now = status.get();
                    if (now != null) {
                        gauge.record(now.validFor().map(Duration::toSeconds).orElse(0L));
                    }
                });
    }

    @Override
    public void obtained(TokenObtained obtained) {
        Attributes attributes = Attributes.of(GRANT_TYPE, obtained.grantType().wireName(), OUTCOME, "success");
        record(obtained.grantType(), obtained.obtainedAt(), obtained.took(), attributes, null);
    }

    @Override
    public void failed(TokenRequestFailed failed, Throwable cause) {
        Attributes attributes = failed.status() > 0
                ? Attributes.of(GRANT_TYPE, failed.grantType().wireName(), OUTCOME, "failure", ERROR_TYPE,
                        failed.code(), STATUS_CODE, (long) failed.status())
                : Attributes.of(GRANT_TYPE, failed.grantType().wireName(), OUTCOME, "failure", ERROR_TYPE,
                        failed.code());
        record(failed.grantType(), failed.failedAt(), failed.took(), attributes, failed.code());
    }

    private void record(GrantType grantType, Instant ended, Duration took, Attributes attributes, String failure) {
        requests.add(1, attributes);
        duration.record(took.toNanos() / 1e9, attributes);
        Instant started = ended.minus(took);
        Span span = tracer.spanBuilder("ticketpark token request " + grantType.wireName())
                .setSpanKind(SpanKind.CLIENT).setAllAttributes(attributes)
                .setStartTimestamp(started.getEpochSecond() * 1_000_000_000L + started.getNano(), TimeUnit.NANOSECONDS)
                .startSpan();
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure);
        }
        span.end(ended.getEpochSecond() * 1_000_000_000L + ended.getNano(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void refreshAheadStarted() {
        refreshesAhead.add(1);
    }

    @Override
    public void tokenRejected() {
        rejections.add(1);
    }

    @Override
    public void close() {
        circuitOpen.close();
        untilExpiry.close();
    }
}
