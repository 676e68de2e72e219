package ch.ticketpark.client.model;

import java.time.OffsetDateTime;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

import ch.ticketpark.client.model.json.DateTimeAdapter;

/**
 * An option of a booking for an event, such as parking ({@code options/}).
 *
 * @param pid the option's opaque identifier
 * @param event the pid of its event (required on create)
 * @param name its name (required)
 * @param itemsPerBooking how many a booking may have
 * @param limitation how many there are in all
 * @param created when the option was created (output only)
 */
public record Option(
        String pid,
        String event,
        String name,
        @JsonbProperty("items_per_booking") Integer itemsPerBooking,
        Integer limitation,
        @JsonbTypeAdapter(DateTimeAdapter.class) OffsetDateTime created) {

    /**
     * @return a new option with the required fields, to create
     */
    public static Option of(String event, String name) {
        return new Option(null, event, name, null, null, null);
    }
}
