/**
 * The configuration: {@link ch.ticketpark.client.internal.config.TicketparkConfig} reads and validates the
 * {@code ticketpark.*} keys, {@link ch.ticketpark.client.internal.config.TicketparkExtension} does it while the
 * application deploys (with {@link ch.ticketpark.client.internal.config.ClientUrls} for every client interface's URL
 * key), {@link ch.ticketpark.client.internal.config.Urls} and
 * {@link ch.ticketpark.client.internal.config.TokenSyntax} judge URLs and tokens.
 * <p>
 * Depends on {@link ch.ticketpark.client.internal} (messages) and the public packages only.
 */
package ch.ticketpark.client.internal.config;
