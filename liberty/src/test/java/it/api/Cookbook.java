package it.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ch.ticketpark.client.api.BookingsClient;
import ch.ticketpark.client.api.EmailClient;
import ch.ticketpark.client.api.EventsClient;
import ch.ticketpark.client.api.PersonsClient;
import ch.ticketpark.client.api.PricesClient;
import ch.ticketpark.client.api.SectorsClient;
import ch.ticketpark.client.api.ShowsClient;
import ch.ticketpark.client.api.TicketsClient;
import ch.ticketpark.client.api.VenuesClient;
import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Event;
import ch.ticketpark.client.model.Person;
import ch.ticketpark.client.model.Price;
import ch.ticketpark.client.model.Sector;
import ch.ticketpark.client.model.Show;
import ch.ticketpark.client.model.Ticket;
import ch.ticketpark.client.model.Venue;

/**
 * The two flows of the Ticketpark cookbook, written as an application's enterprise bean writes them with the typed
 * clients: setting up an event, and booking tickets.
 */
@Stateless
public class Cookbook {

    @Inject
    @RestClient
    VenuesClient venues;

    @Inject
    @RestClient
    SectorsClient sectors;

    @Inject
    @RestClient
    EventsClient events;

    @Inject
    @RestClient
    ShowsClient shows;

    @Inject
    @RestClient
    PricesClient prices;

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
     * Venue, sectors (one batch), event, show, prices (one batch): a Parkett of 10 seats at 40.00 and a Balkon of 5
     * seats at 25.00, with the price categories {@code category + "-A"} and {@code category + "-B"}.
     */
    public NewEvent createEvent(String host, String name, OffsetDateTime start, String category) {
        String venue = venues.create(Venue.of(host, "Cookbook Hall", "Basel"));
        List<Sector> seats = sectors.createAll(List.of(
                Sector.of(host, "Parkett", category + "-A", 10),
                Sector.of(host, "Balkon", category + "-B", 5)));
        String event = events.create(Event.of(host, name, "CHF").withAllowDigitalDispatch(true));
        String show = shows.create(Show.of(event, venue, start).withEnd(start.plusHours(2)));
        List<Price> offers = prices.createAll(List.of(
                Price.of(event, "Parkett", category + "-A", new BigDecimal("40.00")),
                Price.of(event, "Balkon", category + "-B", new BigDecimal("25.00"))));
        return new NewEvent(venue, seats, event, show, offers);
    }

    /**
     * Person, booking, tickets (one batch), confirmation, confirmation e-mail.
     */
    public NewBooking book(Person customer, String show, String price, String sector, int count) {
        String person = persons.create(customer);
        String booking = bookings.create(Booking.of(person));
        List<Ticket> sold = tickets.createAll(Collections.nCopies(count, Ticket.of(booking, show, price, sector)));
        bookings.update(booking, Booking.confirmation(true));
        email.sendConfirmation(booking);
        return new NewBooking(person, booking, sold);
    }

    /** The pids and records the event setup created. */
    public record NewEvent(String venue, List<Sector> sectors, String event, String show, List<Price> prices) {
    }

    /** The pids and records the booking flow created. */
    public record NewBooking(String customer, String booking, List<Ticket> tickets) {
    }
}
