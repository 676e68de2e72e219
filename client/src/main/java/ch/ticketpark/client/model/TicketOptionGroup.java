package ch.ticketpark.client.model;

import java.time.OffsetDateTime;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

import ch.ticketpark.client.model.json.DateTimeAdapter;

/**
 * A group of ticket options of an event, such as "Catering" ({@code ticketoptiongroups/}); deleting it deletes its
 * ticket options.
 *
 * @param pid the group's opaque identifier
 * @param event the pid of its event (required on create)
 * @param name its name (required)
 * @param required whether every ticket must have one of its options
 * @param created when the group was created (output only)
 */
public record TicketOptionGroup(
        String pid,
        String event,
        String name,
        Boolean required,
        @JsonbTypeAdapter(DateTimeAdapter.class) OffsetDateTime created) {

    /**
     * @return a new group with the required fields, to create
     */
    public static TicketOptionGroup of(String event, String name, boolean required) {
        return new TicketOptionGroup(null, event, name, required, null);
    }
}
