package ch.ticketpark.client.model;

import java.time.OffsetDateTime;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

import ch.ticketpark.client.model.json.DateTimeAdapter;

/**
 * A note on a booking ({@code annotations/}).
 *
 * @param pid the annotation's opaque identifier
 * @param booking the pid of its booking (required on create)
 * @param text the note (required)
 * @param created when the annotation was created (output only)
 */
public record Annotation(
        String pid,
        String booking,
        String text,
        @JsonbTypeAdapter(DateTimeAdapter.class) OffsetDateTime created) {

    /**
     * @return a new annotation, to create
     */
    public static Annotation of(String booking, String text) {
        return new Annotation(null, booking, text, null);
    }
}
