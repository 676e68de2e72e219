/**
 * The client's machinery: configuration, token lifecycle, token endpoint call, Bearer filter and its registration.
 * No compatibility promise: applications use {@link ch.ticketpark.client} only.
 */
package ch.ticketpark.client.internal;
