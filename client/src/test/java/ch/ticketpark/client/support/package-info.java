/**
 * The unit tests' shared fixtures, one of each: {@link ch.ticketpark.client.support.Fixtures} (credentials, tokens and
 * token endpoint stubs for WireMock), {@link ch.ticketpark.client.support.MapConfig} (a configuration from a map),
 * {@link ch.ticketpark.client.support.MutableClock}, {@link ch.ticketpark.client.support.RecordingSleeper},
 * {@link ch.ticketpark.client.support.GatedExecutor} (runs tasks only when a test lets it),
 * {@link ch.ticketpark.client.support.RotatingTokens} and the
 * {@link ch.ticketpark.client.support.EmptyConfigProviderResolver}.
 */
package ch.ticketpark.client.support;
