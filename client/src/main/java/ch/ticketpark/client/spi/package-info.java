/**
 * Extension points an application implements: {@link ch.ticketpark.client.spi.TokenStore} keeps one account's
 * {@link ch.ticketpark.client.spi.StoredTokens token state} across restarts and servers, in place of the stores the
 * library brings. Depends on nothing of the library.
 */
package ch.ticketpark.client.spi;
