/**
 * The configuration: {@link ch.ticketpark.client.internal.config.ConfigKey} lists every key once (default, check,
 * secret or not), {@link ch.ticketpark.client.internal.config.TicketparkConfig} reads and validates them (with
 * {@link ch.ticketpark.client.internal.config.ConfigRules} for the checks across keys),
 * {@link ch.ticketpark.client.internal.config.TicketparkExtension} does it while the application deploys (with
 * {@link ch.ticketpark.client.internal.config.ClientUrls} for every client interface's URL key),
 * {@link ch.ticketpark.client.internal.config.Urls} and {@link ch.ticketpark.client.internal.config.TokenSyntax} judge
 * URLs and tokens.
 * <p>
 * Depends on {@link ch.ticketpark.client.internal} (messages) and the public packages only.
 */
package ch.ticketpark.client.internal.config;
