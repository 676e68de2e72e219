package ch.ticketpark.sandbox.store;

/**
 * One {@code orderBy[field]=asc|desc}.
 */
public record Order(String field, boolean descending) {
}
