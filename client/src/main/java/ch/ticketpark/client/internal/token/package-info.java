/**
 * The token lifecycle.
 * <ul>
 * <li>{@link ch.ticketpark.client.internal.token.TokenManager}: who gets the current token, who waits, who refreshes
 * (the one concurrency strategy is documented there);</li>
 * <li>{@link ch.ticketpark.client.internal.token.TokenState} and
 * {@link ch.ticketpark.client.internal.token.InFlightRequest}: the chain's state and the one token request, as
 * immutable values replaced by compare-and-set;</li>
 * <li>{@link ch.ticketpark.client.internal.token.TokenChain}: what a token request does (grant, retries, fallback,
 * adoption of answers); {@link ch.ticketpark.client.internal.token.StoreKeeper}: reading and saving the token
 * store;</li>
 * <li>{@link ch.ticketpark.client.internal.token.TokenEndpoint} and
 * {@link ch.ticketpark.client.internal.token.TokenAnswers}: the HTTP call and the reading of its answer;</li>
 * <li>{@link ch.ticketpark.client.internal.token.TokenThreads} and
 * {@link ch.ticketpark.client.internal.token.ManagedThreads}: the library's threads;
 * {@link ch.ticketpark.client.internal.token.TicketparkProducer}: the CDI bean, with its observers (the CDI events,
 * the telemetry).</li>
 * </ul>
 * Depends on {@link ch.ticketpark.client.internal.config}, {@link ch.ticketpark.client.internal.resilience},
 * {@link ch.ticketpark.client.internal.observe}, {@link ch.ticketpark.client.internal.otel},
 * {@link ch.ticketpark.client.internal} and the public packages.
 */
package ch.ticketpark.client.internal.token;
