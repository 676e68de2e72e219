package ch.ticketpark.client.model;

import java.time.OffsetDateTime;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

import ch.ticketpark.client.model.json.DateTimeAdapter;

/**
 * A sector of seats with a price category ({@code sectors/}).
 *
 * @param pid the sector's opaque identifier
 * @param host the pid of its host (required on create)
 * @param name its name (required)
 * @param priceCategory its price category, matched by the prices of an event (required)
 * @param capacity its number of seats (required)
 * @param created when the sector was created (output only)
 */
public record Sector(
        String pid,
        String host,
        String name,
        @JsonbProperty("price_category") String priceCategory,
        Integer capacity,
        @JsonbTypeAdapter(DateTimeAdapter.class) OffsetDateTime created) {

    /**
     * @return a new sector with the required fields, to create
     */
    public static Sector of(String host, String name, String priceCategory, int capacity) {
        return new Sector(null, host, name, priceCategory, capacity, null);
    }
}
