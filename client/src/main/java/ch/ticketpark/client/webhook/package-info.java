/**
 * Ticketpark's webhooks as CDI events, for applications that set {@code ticketpark.webhook.enabled=true}: one record
 * per documented type, each a {@link ch.ticketpark.client.webhook.TicketparkWebhook}, fired to synchronous
 * ({@code @Observes}) and asynchronous ({@code @ObservesAsync}) observers alike. Unless
 * {@code ticketpark.webhook.read-back=false}, an event carries the record as the API returned it when the webhook was
 * processed, not what the webhook claimed: a webhook is a hint that something changed, never data to trust. See
 * {@code docs/webhooks.md}.
 */
package ch.ticketpark.client.webhook;
