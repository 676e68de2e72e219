package ch.ticketpark.example;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import ch.ticketpark.client.model.Booking;

/**
 * {@code POST /api/bookings} with {@code {"show","firstname","lastname","email"}} books one ticket.
 */
@Path("/bookings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BookingsResource {

    /** What the page sends. */
    public record BookingRequest(String show, String firstname, String lastname, String email) {
    }

    @Inject
    BookingService service;

    @POST
    public Booking book(BookingRequest request) {
        return service.bookOneTicket(request.show(), request.firstname(), request.lastname(), request.email());
    }
}
