/**
 * Resilience, independent of what it protects: {@link ch.ticketpark.client.internal.resilience.Backoff} (exponential
 * with jitter), {@link ch.ticketpark.client.internal.resilience.Retrier} (which failures are retried, and after how
 * long), {@link ch.ticketpark.client.internal.resilience.CircuitBreaker} (stop calling an endpoint that keeps failing)
 * and {@link ch.ticketpark.client.internal.resilience.Sleeper} (waiting, replaceable in tests).
 * <p>
 * Depends on {@link ch.ticketpark.client.internal} (messages) and the public exceptions only.
 */
package ch.ticketpark.client.internal.resilience;
