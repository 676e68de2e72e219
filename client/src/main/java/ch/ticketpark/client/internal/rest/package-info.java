/**
 * The REST client wiring: {@link ch.ticketpark.client.internal.rest.TicketparkRestClientListener} registers, on every
 * client with the config key {@code ticketpark} and on no other, the
 * {@link ch.ticketpark.client.internal.rest.BearerTokenFilter} (token and JSON headers, same origin only), the
 * {@link ch.ticketpark.client.internal.rest.QueryHeaderFilter}, the
 * {@link ch.ticketpark.client.internal.rest.TicketparkResponseFilter} (tells the token manager what the API thought of
 * a token), the {@link ch.ticketpark.client.internal.rest.TicketparkResponseExceptionMapper} (statuses to typed
 * exceptions) and the {@link ch.ticketpark.client.internal.rest.TokenReplayInterceptor} (replays a request once with a
 * new token, when {@link ch.ticketpark.client.internal.rest.ReplaySafety} says it is safe). The
 * {@link ch.ticketpark.client.internal.rest.TypedClientExtension} injects the library's typed clients as a
 * {@link ch.ticketpark.client.internal.rest.TypedClientFacade} over the MicroProfile Rest Client, so that their typed
 * methods are plain calls.
 * <p>
 * Depends on {@link ch.ticketpark.client.internal.token}, {@link ch.ticketpark.client.internal.config},
 * {@link ch.ticketpark.client.internal} and the public packages.
 */
package ch.ticketpark.client.internal.rest;
