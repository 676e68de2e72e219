package ch.ticketpark.example;

import java.util.Comparator;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.api.BookingsClient;
import ch.ticketpark.client.api.EmailClient;
import ch.ticketpark.client.api.EventsClient;
import ch.ticketpark.client.api.PersonsClient;
import ch.ticketpark.client.api.PricesClient;
import ch.ticketpark.client.api.SectorsClient;
import ch.ticketpark.client.api.ShowsClient;
import ch.ticketpark.client.api.TicketsClient;
import ch.ticketpark.client.exception.TicketparkApiException;
import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Event;
import ch.ticketpark.client.model.Person;
import ch.ticketpark.client.model.Price;
import ch.ticketpark.client.model.Sector;
import ch.ticketpark.client.model.Show;
import ch.ticketpark.client.model.Ticket;

/**
 * Books one ticket the way Ticketpark documents it: person, booking, ticket, confirmation, confirmation e-mail. An
 * unconfirmed booking is released by Ticketpark after 30 minutes, so a failure half-way loses nothing.
 */
@Stateless
public class BookingService {

    @Inject
    @RestClient
    ShowsClient shows;

    @Inject
    @RestClient
    EventsClient events;

    @Inject
    @RestClient
    PricesClient prices;

    @Inject
    @RestClient
    SectorsClient sectors;

    @Inject
    @RestClient
    PersonsClient persons;

    @Inject
    @RestClient
    BookingsClient bookings;

    @Inject
    @RestClient
    TicketsClient tickets;

    @Inject
    @RestClient
    EmailClient email;

    /**
     * @return the new booking, confirmed, with its customer and tickets
     * @throws TicketparkApiException if Ticketpark refuses a step, e.g. 409 when the show is sold out
     */
    public Booking bookOneTicket(String showPid, String firstname, String lastname, String emailAddress) {
        Show show = shows.get(showPid);
        Event event = events.get(show.event());
        // the cheapest price of the event, and a sector of its host with that price category
        Price price = prices.list(Query.create().filter("event", event.pid())).stream()
                .min(Comparator.comparing(Price::price))
                .orElseThrow(() -> new IllegalStateException("Event " + event.pid() + " has no price"));
        Sector sector = sectors.list(Query.create().filter("host", event.host())
                .filter("price_category", price.priceCategory())).get(0);

        String customer = persons.create(Person.of(firstname, lastname).withEmail(emailAddress));
        String booking = bookings.create(Booking.of(customer));
        tickets.create(Ticket.of(booking, show.pid(), price.pid(), sector.pid()));
        bookings.update(booking, Booking.confirmation(true));
        email.sendConfirmation(booking);
        return bookings.get(booking, Query.create().expand("customer", "tickets"));
    }
}
