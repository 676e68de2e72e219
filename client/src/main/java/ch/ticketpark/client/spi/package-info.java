/**
 * Extension points an application implements: {@link ch.ticketpark.client.spi.TokenStore} keeps the newest refresh
 * token across restarts.
 */
package ch.ticketpark.client.spi;
