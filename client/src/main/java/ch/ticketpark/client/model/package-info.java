/**
 * The Ticketpark API's resources as immutable records, read and written with JSON-B.
 */
package ch.ticketpark.client.model;
