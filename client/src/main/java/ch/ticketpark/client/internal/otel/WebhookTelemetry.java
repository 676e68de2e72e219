package ch.ticketpark.client.internal.otel;

import java.util.function.IntSupplier;

import jakarta.enterprise.inject.Vetoed;

import ch.ticketpark.client.internal.observe.WebhookObserver;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongUpDownCounter;

/**
 * Records the webhook receiver's metrics: the requests by answer, the events by type, the deliveries dropped by
 * reason, the attempts set for later, and how many deliveries are pending. Counters that never wait; the pending count
 * is read when the SDK collects it. No attribute holds the secret, a path or a payload: answer, HTTP status, the
 * documented type (or {@code unknown}), message code.
 */
@Vetoed
final class WebhookTelemetry implements WebhookObserver {

    static final AttributeKey<String> WEBHOOK_TYPE = AttributeKey.stringKey("ticketpark.webhook.type");

    private final LongCounter deliveries;
    private final LongCounter events;
    private final LongCounter dropped;
    private final LongCounter retries;
    private final ObservableLongUpDownCounter pending;

    /** @param pending how many deliveries are pending; negative while the receiver has not started */
    WebhookTelemetry(OpenTelemetry telemetry, IntSupplier pending) {
        Meter meter = telemetry.getMeter(TelemetryObserver.SCOPE);
        this.deliveries = meter.counterBuilder("ticketpark.webhook.deliveries").setUnit("{request}")
                .setDescription("Requests to the webhook receiver, by answer").build();
        this.events = meter.counterBuilder("ticketpark.webhook.events").setUnit("{event}")
                .setDescription("Webhook events fired to the application's observers, by type").build();
        this.dropped = meter.counterBuilder("ticketpark.webhook.dropped").setUnit("{delivery}")
                .setDescription("Accepted deliveries that fired no event, by the message code logged with them")
                .build();
        this.retries = meter.counterBuilder("ticketpark.webhook.read_back_retries").setUnit("{attempt}")
                .setDescription("Attempts set for later because a delivery's record could not be read").build();
        this.pending = meter.upDownCounterBuilder("ticketpark.webhook.pending").setUnit("{delivery}")
                .setDescription("Deliveries accepted and not yet done with: queued, being processed, or waiting to "
                        + "be tried again")
                .buildWithCallback(measurement -> {
                    int now = pending.getAsInt();
                    if (now >= 0) {
                        measurement.record(now);
                    }
                });
    }

    @Override
    public void answered(Answer answer, int status) {
        deliveries.add(1, Attributes.of(TelemetryObserver.OUTCOME, answer.metricName(), TelemetryObserver.STATUS_CODE,
                (long) status));
    }

    @Override
    public void fired(String type) {
        events.add(1, Attributes.of(WEBHOOK_TYPE, type));
    }

    @Override
    public void dropped(Drop why, int count) {
        dropped.add(count, Attributes.of(TelemetryObserver.ERROR_TYPE, why.code()));
    }

    @Override
    public void retrying() {
        retries.add(1);
    }

    @Override
    public void close() {
        pending.close();
    }
}
