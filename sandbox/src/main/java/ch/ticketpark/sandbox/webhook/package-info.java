/**
 * The webhooks Ticketpark pushes, sent by the sandbox to one callback URL (MicroProfile Config
 * {@code sandbox.webhook-url}, or set through the control plane): {@code POST}, {@code {"type","payload"}}, no
 * signature.
 * <ul>
 * <li>{@link ch.ticketpark.sandbox.webhook.WebhookTrigger} hears the store's changes and maps them
 * ({@link ch.ticketpark.sandbox.webhook.WebhookMapping}): {@code new-booking}, {@code booking-cancelled},
 * {@code booking-tickets-updated}, {@code booking-tickets-deleted}, {@code new-person}, {@code new-updated};
 * {@code new-payment} and any other type only through the control plane;</li>
 * <li>{@link ch.ticketpark.sandbox.webhook.WebhookSender} queues and sends them, one thread, in order, and keeps a
 * delivery log with the URL's last path segment (the receiver's secret) masked;</li>
 * <li>{@link ch.ticketpark.sandbox.webhook.WebhookFaultPlan} holds the test-only webhook faults: duplicate, delay,
 * out of order, wrong secret, forged pid.</li>
 * </ul>
 */
package ch.ticketpark.sandbox.webhook;
