/**
 * Receiving Ticketpark's webhooks ({@code ticketpark.webhook.*}): a servlet that a
 * {@link jakarta.servlet.ServletContainerInitializer} registers only when they are enabled, the secret check, the
 * bounded queue with its deduplication, and the workers that read each webhook's records back through the typed
 * clients before firing it as a CDI event of package {@code ch.ticketpark.client.webhook}. What it does is told to a
 * {@link ch.ticketpark.client.internal.observe.WebhookObserver}: the metrics, with {@code mpTelemetry}. Depends on the
 * configuration, the observers, the telemetry and the public packages; nothing depends on it.
 */
package ch.ticketpark.client.internal.webhook;
