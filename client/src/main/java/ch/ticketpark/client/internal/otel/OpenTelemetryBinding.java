package ch.ticketpark.client.internal.otel;

import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Vetoed;

import ch.ticketpark.client.internal.observe.TokenObserver;
import ch.ticketpark.client.internal.observe.WebhookObserver;
import ch.ticketpark.client.status.TokenStatus;
import io.opentelemetry.api.OpenTelemetry;

/** Loaded only once the API is known to be there ({@link Telemetry}): it names OpenTelemetry types. */
@Vetoed
final class OpenTelemetryBinding {

    private static final Logger LOG = Logger.getLogger(OpenTelemetryBinding.class.getName());

    private OpenTelemetryBinding() {
    }

    static TokenObserver observer(Instance<Object> beans, Supplier<TokenStatus> status) {
        OpenTelemetry telemetry = openTelemetry(beans);
        return telemetry == null ? TokenObserver.NONE : new TelemetryObserver(telemetry, status);
    }

    static WebhookObserver webhookObserver(Instance<Object> beans, IntSupplier pending) {
        OpenTelemetry telemetry = openTelemetry(beans);
        return telemetry == null ? WebhookObserver.NONE : new WebhookTelemetry(telemetry, pending);
    }

    /** @return the application's {@code OpenTelemetry} bean; {@code null} for none */
    private static OpenTelemetry openTelemetry(Instance<Object> beans) {
        Instance<OpenTelemetry> instance = beans.select(OpenTelemetry.class);
        if (!instance.isResolvable()) {
            LOG.fine("No OpenTelemetry bean: no Ticketpark metrics and spans");
            return null;
        }
        return instance.get();
    }
}
