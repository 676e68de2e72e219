package it.api;

import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.api.BookingTicketsClient;
import ch.ticketpark.client.api.BookingsClient;
import ch.ticketpark.client.api.EmailClient;
import ch.ticketpark.client.api.EventBookingsClient;
import ch.ticketpark.client.api.EventsClient;
import ch.ticketpark.client.api.PersonsClient;
import ch.ticketpark.client.api.PricesClient;
import ch.ticketpark.client.api.SectorsClient;
import ch.ticketpark.client.api.ShowsClient;
import ch.ticketpark.client.api.TicketsClient;
import ch.ticketpark.client.api.VenuesClient;
import ch.ticketpark.client.exception.TicketparkApiException;
import ch.ticketpark.sandbox.client.SandboxControl;

/**
 * An enterprise bean with the typed clients injected, which runs the test's calls inside its business methods, so
 * that every request is made from the bean, as in an application.
 */
@Stateless
public class Api {

    @Inject
    @RestClient
    EventsClient events;

    @Inject
    @RestClient
    ShowsClient shows;

    @Inject
    @RestClient
    VenuesClient venues;

    @Inject
    @RestClient
    SectorsClient sectors;

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
    EventBookingsClient eventBookings;

    @Inject
    @RestClient
    BookingTicketsClient bookingTickets;

    @Inject
    @RestClient
    TicketsClient tickets;

    @Inject
    @RestClient
    EmailClient email;

    @Inject
    @RestClient
    OwnEventsClient own;

    @Inject
    TicketparkTokens tokens;

    /** Runs the calls in this bean and returns what they answered. */
    public <R> R call(Function<Api, R> calls) {
        return calls.apply(this);
    }

    /**
     * Runs the calls in this bean and returns the {@link TicketparkApiException} they threw, or {@code null}. An
     * application catches it inside the bean too: leaving the bean, an unchecked exception is a system exception,
     * which the container wraps in an {@code EJBException} (and it rolls the transaction back).
     */
    public TicketparkApiException failure(Consumer<Api> calls) {
        try {
            calls.accept(this);
            return null;
        } catch (TicketparkApiException e) {
            return e;
        }
    }

    /** Runs the calls in this bean: whether they went through without any exception. */
    public boolean succeeds(Consumer<Api> calls) {
        try {
            calls.accept(this);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public EventsClient events() {
        return events;
    }

    public ShowsClient shows() {
        return shows;
    }

    public VenuesClient venues() {
        return venues;
    }

    public SectorsClient sectors() {
        return sectors;
    }

    public PricesClient prices() {
        return prices;
    }

    public PersonsClient persons() {
        return persons;
    }

    public BookingsClient bookings() {
        return bookings;
    }

    public EventBookingsClient eventBookings() {
        return eventBookings;
    }

    public BookingTicketsClient bookingTickets() {
        return bookingTickets;
    }

    public TicketsClient tickets() {
        return tickets;
    }

    public EmailClient email() {
        return email;
    }

    public OwnEventsClient own() {
        return own;
    }

    public TicketparkTokens tokens() {
        return tokens;
    }

    /** Back to the sandbox's seed data; the reset forgets the tokens this deployment holds, so the client does too. */
    public void resetSandbox() {
        SandboxControl.fromEnvironment().reset();
        tokens.invalidate();
    }
}
