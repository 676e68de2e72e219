package ch.ticketpark.client.internal.otel;

import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Vetoed;

import ch.ticketpark.client.internal.observe.TokenObserver;
import ch.ticketpark.client.internal.observe.WebhookObserver;
import ch.ticketpark.client.status.TokenStatus;

/**
 * Finds the application's OpenTelemetry, if it has one, and makes the observer that records the client's metrics and
 * spans with it. This class names no OpenTelemetry type, so that it loads where the API is missing.
 */
@Vetoed
public final class Telemetry {

    static final String API = "io.opentelemetry.api.OpenTelemetry";

    private static final Logger LOG = Logger.getLogger(Telemetry.class.getName());

    private Telemetry() {
    }

    /**
     * The observer that records the metrics and spans, or {@link TokenObserver#NONE} where the application sees no
     * OpenTelemetry API or has no {@code OpenTelemetry} bean. Call it on a thread of the application (the instance of
     * {@code mpTelemetry} is the application's).
     *
     * @param beans the application's beans, where the {@code OpenTelemetry} of {@code mpTelemetry} is one
     * @param status the token manager's status, read by the gauges when they are collected; {@code null} before
     *        there is one
     */
    public static TokenObserver observer(Instance<Object> beans, Supplier<TokenStatus> status) {
        if (!apiVisible()) {
            LOG.fine("No OpenTelemetry API visible to the application: no Ticketpark metrics and spans");
            return TokenObserver.NONE;
        }
        return OpenTelemetryBinding.observer(beans, status);
    }

    /**
     * The observer that records the webhook receiver's metrics, or {@link WebhookObserver#NONE}, as
     * {@link #observer}.
     *
     * @param pending how many deliveries are pending, read when the SDK collects it; negative for none yet
     */
    public static WebhookObserver webhookObserver(Instance<Object> beans, IntSupplier pending) {
        if (!apiVisible()) {
            LOG.fine("No OpenTelemetry API visible to the application: no Ticketpark webhook metrics");
            return WebhookObserver.NONE;
        }
        return OpenTelemetryBinding.webhookObserver(beans, pending);
    }

    private static boolean apiVisible() {
        try {
            Class.forName(API, false, Telemetry.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
