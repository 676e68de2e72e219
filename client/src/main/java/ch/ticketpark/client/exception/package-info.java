/**
 * Every failure the client reports, as unchecked exceptions under one root,
 * {@link ch.ticketpark.client.exception.TicketparkException}; each subclass carries the data of its case (status,
 * OAuth error, retry time, …) and a message that starts with its code ({@code TPCnnnn}) and never holds a secret.
 * <ul>
 * <li>configuration: {@link ch.ticketpark.client.exception.TicketparkConfigurationException};</li>
 * <li>the token endpoint: {@link ch.ticketpark.client.exception.TokenRequestException} and its subclasses
 * (unavailable, circuit open, OAuth errors, malformed answer, reissue deferred);</li>
 * <li>the API: {@link ch.ticketpark.client.exception.TicketparkApiException} and its subclasses (by status), and
 * {@link ch.ticketpark.client.exception.TokenRejectedException}.</li>
 * </ul>
 * Depends on nothing else of the client.
 */
package ch.ticketpark.client.exception;
