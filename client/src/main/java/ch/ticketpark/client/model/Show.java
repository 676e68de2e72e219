package ch.ticketpark.client.model;

import java.time.OffsetDateTime;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

import ch.ticketpark.client.model.json.DateTimeAdapter;

/**
 * A show: one performance of an event at a venue ({@code shows/}).
 *
 * @param pid the show's opaque identifier
 * @param event the pid of its event (required on create)
 * @param venue the pid of its venue (required)
 * @param start when it starts (required); written as local time in Europe/Zurich
 * @param end when it ends
 * @param capacity seats sold and available, only when expanded with {@code Query.create().expand("capacity")}
 * @param created when the show was created (output only)
 */
public record Show(
        String pid,
        String event,
        String venue,
        @JsonbTypeAdapter(DateTimeAdapter.class) OffsetDateTime start,
        @JsonbTypeAdapter(DateTimeAdapter.class) OffsetDateTime end,
        Capacity capacity,
        @JsonbTypeAdapter(DateTimeAdapter.class) OffsetDateTime created) {

    /**
     * @return a new show with the required fields, to create
     */
    public static Show of(String event, String venue, OffsetDateTime start) {
        return new Show(null, event, venue, start, null, null, null);
    }

    /**
     * @return this show with an end
     */
    public Show withEnd(OffsetDateTime newEnd) {
        return new Show(pid, event, venue, start, newEnd, capacity, created);
    }
}
