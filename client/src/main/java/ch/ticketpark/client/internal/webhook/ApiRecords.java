package ch.ticketpark.client.internal.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.api.BookingsClient;
import ch.ticketpark.client.api.PersonsClient;
import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Person;

/** The records of a webhook, read through the application's typed clients: one API request per webhook. */
@ApplicationScoped
class ApiRecords implements Records {

    private static final Query WHOLE_BOOKING = Query.create().expand("customer", "tickets");

    private final BookingsClient bookings;
    private final PersonsClient persons;

    @Inject
    ApiRecords(@RestClient BookingsClient bookings, @RestClient PersonsClient persons) {
        this.bookings = bookings;
        this.persons = persons;
    }

    /** For the CDI client proxy only. */
    protected ApiRecords() {
        this(null, null);
    }

    @Override
    public Booking booking(String pid) {
        return bookings.get(pid, WHOLE_BOOKING);
    }

    @Override
    public Person person(String pid) {
        return persons.get(pid);
    }
}
