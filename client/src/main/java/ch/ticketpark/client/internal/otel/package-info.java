/**
 * The client's metrics and spans through the OpenTelemetry API that MicroProfile Telemetry ({@code mpTelemetry-2.0})
 * provides: {@link ch.ticketpark.client.internal.otel.TelemetryObserver} hears the token lifecycle and records them,
 * {@link ch.ticketpark.client.internal.otel.WebhookTelemetry} the webhook receiver's;
 * {@link ch.ticketpark.client.internal.otel.Telemetry} finds the application's {@code OpenTelemetry}.
 * <p>
 * Optional: the only package that names {@code io.opentelemetry}. No class here is a bean (the library's
 * {@code META-INF/beans.xml} also leaves the package out where the API is missing), and no signature outside it names
 * an OpenTelemetry type: {@link ch.ticketpark.client.internal.otel.Telemetry#observer} is reached only after the API
 * was found, so that an application without {@code mpTelemetry} (or without {@code apiTypeVisibility="+third-party"},
 * which {@code mpTelemetry-2.0} needs) loads none of it. Never {@code GlobalOpenTelemetry}: Liberty's is a no-op that
 * logs a warning. Depends on {@link ch.ticketpark.client.internal.observe} and the public packages.
 */
package ch.ticketpark.client.internal.otel;
