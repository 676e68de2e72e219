/**
 * The typed clients: one MicroProfile Rest Client interface per resource of the Ticketpark API
 * ({@link ch.ticketpark.client.api.EventsClient}, {@link ch.ticketpark.client.api.BookingsClient}, …), all built on
 * {@link ch.ticketpark.client.api.CollectionClient}. Inject one with {@code @Inject @RestClient}; every call carries
 * the access token.
 * <p>
 * Depends on {@link ch.ticketpark.client} (queries, pages), {@link ch.ticketpark.client.model} and
 * {@link ch.ticketpark.client.exception} only.
 */
package ch.ticketpark.client.api;
