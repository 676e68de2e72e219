/**
 * The unit tests' shared fixtures, one of each: {@link ch.ticketpark.client.support.Fixtures} (credentials, a WireMock
 * server, token endpoint and API answers), {@link ch.ticketpark.client.support.MapConfig} (a configuration from a
 * map), {@link ch.ticketpark.client.support.MutableClock}, {@link ch.ticketpark.client.support.RecordingSleeper},
 * {@link ch.ticketpark.client.support.GatedExecutor} (runs tasks only when a test lets it),
 * {@link ch.ticketpark.client.support.RotatingTokens}, {@link ch.ticketpark.client.support.RecordingStore} (a token
 * store that fails or blocks on demand), {@link ch.ticketpark.client.support.LogCapture} (the client's log records),
 * {@link ch.ticketpark.client.support.Secrets} (where no secret may show), {@link ch.ticketpark.client.support.Stubs}
 * (interface stubs, the contexts a filter sees), {@link ch.ticketpark.client.support.TicketparkClients} (REST clients
 * as the library builds them), the {@link ch.ticketpark.client.support.EmptyConfigProviderResolver} and
 * {@link ch.ticketpark.client.support.ApplicationConfig} (the configuration an application's thread finds); and
 * {@link ch.ticketpark.client.support.MutationDiscovery}, which spares the mutation run test bodies it would throw away.
 */
package ch.ticketpark.client.support;
