package com.example.booking;

import java.util.Comparator;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.api.BookingsClient;
import ch.ticketpark.client.api.EmailClient;
import ch.ticketpark.client.api.PersonsClient;
import ch.ticketpark.client.api.PricesClient;
import ch.ticketpark.client.api.SectorsClient;
import ch.ticketpark.client.api.ShowsClient;
import ch.ticketpark.client.api.TicketsClient;
import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Person;
import ch.ticketpark.client.model.Price;
import ch.ticketpark.client.model.Show;
import ch.ticketpark.client.model.Ticket;

/** Sells one ticket of a show at its cheapest price: customer, booking, ticket, confirmation, e-mail. */
@Stateless
public class TicketDesk {

    @Inject
    @RestClient
    ShowsClient shows;

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

    /** @return the confirmed booking, with its tickets */
    public Booking sell(String showPid, Person customer) {
        Show show = shows.get(showPid);
        Price price = prices.list(Query.create().filter("event", show.event())).stream()
                .min(Comparator.comparing(Price::price)).orElseThrow();
        String sector = sectors.list(Query.create().filter("price_category", price.priceCategory())).get(0).pid();

        String booking = bookings.create(Booking.of(persons.create(customer)));
        tickets.create(Ticket.of(booking, show.pid(), price.pid(), sector));
        bookings.update(booking, Booking.confirmation(true));
        email.sendConfirmation(booking);
        return bookings.get(booking, Query.create().expand("tickets"));
    }
}
