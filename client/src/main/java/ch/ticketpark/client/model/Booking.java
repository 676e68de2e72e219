package ch.ticketpark.client.model;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.annotation.JsonbTypeSerializer;

import ch.ticketpark.client.model.json.DateTimeAdapter;
import ch.ticketpark.client.model.json.PersonOrPidDeserializer;
import ch.ticketpark.client.model.json.PersonPidSerializer;

/**
 * A booking of a customer, holding tickets ({@code bookings/}); deleting it deletes its tickets. The API answers
 * its pid as a JSON number (such as {@code 293233446073}); it is read as a string all the same. Unconfirmed bookings
 * are released after 30 minutes: confirm with {@code update(pid, Booking.confirmation(true))}.
 *
 * @param pid the booking's opaque identifier
 * @param pidReadable the pid for humans, such as {@code 2932-3344-6073} (output only)
 * @param customer the customer (required on create): only the pid, unless expanded with
 *        {@code Query.create().expand("customer")}; written as the pid
 * @param confirmation whether the booking is confirmed
 * @param delivery whether the tickets are to be delivered
 * @param currency the booking's currency
 * @param tickets the tickets, only when expanded with {@code Query.create().expand("tickets")}
 * @param created when the booking was created (output only)
 */
public record Booking(
        String pid,
        @JsonbProperty("pid_readable") String pidReadable,
        @JsonbTypeDeserializer(PersonOrPidDeserializer.class) @JsonbTypeSerializer(PersonPidSerializer.class) Person customer,
        Boolean confirmation,
        Boolean delivery,
        String currency,
        List<Ticket> tickets,
        @JsonbTypeAdapter(DateTimeAdapter.class) OffsetDateTime created) {

    /**
     * @param customerPid the pid of the customer, a {@link Person}
     * @return a new, unconfirmed booking, to create
     */
    public static Booking of(String customerPid) {
        return new Booking(null, null, Person.ref(customerPid), null, null, null, null, null);
    }

    /**
     * @return a partial booking that only sets {@code confirmation}, to update a booking with
     */
    public static Booking confirmation(boolean confirmed) {
        return new Booking(null, null, null, confirmed, null, null, null, null);
    }

    /**
     * @return a partial booking that sets {@code confirmation} and {@code delivery}, to update a booking with
     */
    public static Booking confirmation(boolean confirmed, boolean deliver) {
        return new Booking(null, null, null, confirmed, deliver, null, null, null);
    }
}
