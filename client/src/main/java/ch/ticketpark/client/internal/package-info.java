/**
 * The client's machinery, without a compatibility promise: applications use the public packages only.
 * <ul>
 * <li>here: {@link ch.ticketpark.client.internal.Messages}, one typed method per log line and exception message,
 * its text taken with its code from the library's one catalogue, {@code ch/ticketpark/client/messages.properties}
 * (see {@code docs/messages.md});</li>
 * <li>{@link ch.ticketpark.client.internal.config}: reading and validating the configuration at deployment;</li>
 * <li>{@link ch.ticketpark.client.internal.resilience}: backoff, retries, circuit breaker, sleeping;</li>
 * <li>{@link ch.ticketpark.client.internal.token}: the token lifecycle — the token endpoint, the one chain of refresh
 * tokens, who waits and who refreshes, the token store, the CDI producer;</li>
 * <li>{@link ch.ticketpark.client.internal.rest}: the REST client wiring — the Bearer and header filters, the response
 * filter and exception mapper, the replay interceptor, the listener that registers them;</li>
 * <li>{@link ch.ticketpark.client.internal.observe}: what the lifecycle tells about itself (history, events);
 * {@link ch.ticketpark.client.internal.health} and {@link ch.ticketpark.client.internal.otel}: the optional readiness
 * check and telemetry, the only packages that name MicroProfile Health and OpenTelemetry.</li>
 * </ul>
 * Dependencies point one way: {@code rest → token → resilience, config, observe → this package → the public
 * packages}, {@code token → otel → observe}, and {@code health} on the public packages only; {@code PackageRulesTest}
 * enforces it.
 */
package ch.ticketpark.client.internal;
