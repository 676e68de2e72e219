package ch.ticketpark.client.model;

import java.time.OffsetDateTime;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

import ch.ticketpark.client.model.json.DateTimeAdapter;

/**
 * A venue where shows take place ({@code venues/}).
 *
 * @param pid the venue's opaque identifier
 * @param host the pid of its host (required on create)
 * @param name its name (required)
 * @param city its city (required)
 * @param street its street
 * @param zip its postal code
 * @param created when the venue was created (output only)
 */
public record Venue(
        String pid,
        String host,
        String name,
        String city,
        String street,
        String zip,
        @JsonbTypeAdapter(DateTimeAdapter.class) OffsetDateTime created) {

    /**
     * @return a new venue with the required fields, to create
     */
    public static Venue of(String host, String name, String city) {
        return new Venue(null, host, name, city, null, null, null);
    }
}
