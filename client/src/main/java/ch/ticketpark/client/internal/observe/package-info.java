/**
 * What the token lifecycle tells about itself, and who hears it.
 * <ul>
 * <li>{@link ch.ticketpark.client.internal.observe.TokenObserver}: the calls the lifecycle makes (a token obtained, a
 * request failed, the chain ended, the breaker opened or closed, a refresh ahead of expiry, a token the API rejected), never under a
 * lock or the token store's claim, and never in a way that can block a token;</li>
 * <li>{@link ch.ticketpark.client.internal.observe.Observers}: several observers as one, each failure isolated and
 * logged once;</li>
 * <li>{@link ch.ticketpark.client.internal.observe.TokenHistory}: the counters and last outcomes behind
 * {@link ch.ticketpark.client.status.TokenStatus};</li>
 * <li>{@link ch.ticketpark.client.internal.observe.EventDispatcher}: the public events, in order, on one of the
 * library's threads at a time (the CDI events);</li>
 * <li>{@link ch.ticketpark.client.internal.observe.WebhookObserver}: what the webhook receiver tells (answers, events
 * fired, deliveries dropped, retries), each failure isolated by {@link ch.ticketpark.client.internal.observe.Observers#isolated}.</li>
 * </ul>
 * Depends on {@link ch.ticketpark.client.internal} and the public packages.
 */
package ch.ticketpark.client.internal.observe;
