package ch.ticketpark.sandbox.store;

/**
 * Records of {@code collection} whose {@code field} holds the pid of a parent record.
 */
public record Relation(String collection, String field) {
}
