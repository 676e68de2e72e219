package it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.exception.InvalidPayloadException;
import ch.ticketpark.client.exception.TicketparkApiException;
import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Capacity;
import ch.ticketpark.client.model.Person;
import ch.ticketpark.client.model.Ticket;
import ch.ticketpark.sandbox.client.Email;
import ch.ticketpark.sandbox.client.SandboxControl;
import it.api.Cookbook.NewBooking;

/**
 * The cookbook's booking flow from an enterprise bean: person, booking, tickets, confirmation, e-mail; the sandbox
 * sent the e-mail and counts the tickets in the show's capacity.
 */
@ExtendWith(ArquillianExtension.class)
class CreateBookingIT {

    @Deployment
    static WebArchive deployment() {
        return ApiDeployments.war("create-booking-it", Cookbook.class);
    }

    @Inject
    Cookbook cookbook;

    @Inject
    Api api;

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @BeforeEach
    void seedData() {
        api.resetSandbox();
    }

    @Test
    void booksConfirmsAndMailsTicketsThatTheShowCountsAsSold() {
        Capacity.Counts before = capacity(Seed.COMEDY_SHOW);
        assertThat(before).isEqualTo(new Capacity.Counts(60, 2, 58));

        NewBooking booked = cookbook.book(Person.of("Hugo", "Muster").withEmail("hugo.muster@example.com"),
                Seed.COMEDY_SHOW, Seed.PRICE_COMEDY_PARKETT, Seed.SECTOR_PARKETT, 2);

        assertThat(booked.customer()).matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
        assertThat(booked.booking()).matches("[0-9]+");
        assertThat(booked.tickets()).hasSize(2).allSatisfy(ticket -> {
            assertThat(ticket.pid()).isNotBlank();
            assertThat(ticket.booking()).isEqualTo(booked.booking());
            assertThat(ticket.show()).isEqualTo(Seed.COMEDY_SHOW);
            assertThat(ticket.price()).isEqualTo(Seed.PRICE_COMEDY_PARKETT);
            assertThat(ticket.sector()).isEqualTo(Seed.SECTOR_PARKETT);
        });
        assertThat(booked.tickets()).extracting(Ticket::pid).doesNotHaveDuplicates();

        Booking booking = api.call(c -> c.bookings().get(booked.booking(), Query.create().expand("customer")));
        assertThat(booking.confirmation()).isTrue();
        assertThat(booking.customer().pid()).isEqualTo(booked.customer());
        assertThat(booking.customer().email()).isEqualTo("hugo.muster@example.com");

        List<Email> emails = sandbox.emails();
        assertThat(emails).hasSize(1);
        Email email = emails.get(0);
        assertThat(email.booking()).isEqualTo(booked.booking());
        assertThat(email.type()).isEqualTo("confirmation");
        assertThat(email.recipient()).isEqualTo("hugo.muster@example.com");

        assertThat(capacity(Seed.COMEDY_SHOW)).isEqualTo(new Capacity.Counts(60, 4, 56));
    }

    @Test
    void confirmationOfAnUnconfirmedBookingIsRefusedAndNotSent() {
        String booking = api.call(c -> c.bookings().create(Booking.of(Seed.PERSON_ANNA)));

        TicketparkApiException refused = api.failure(c -> c.email().sendConfirmation(booking));

        assertThat(refused).isInstanceOf(InvalidPayloadException.class);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.method()).isEqualTo("POST");
        assertThat(refused.path()).endsWith("/email/send");
        assertThat(refused.getMessage()).contains("not confirmed");
        assertThat(sandbox.emails()).isEmpty();
        List<Ticket> tickets = api.call(c -> c.bookingTickets().list(booking, null));
        assertThat(tickets).isEmpty();
    }

    private Capacity.Counts capacity(String show) {
        return api.call(c -> c.shows().get(show, Query.create().expand("capacity")).capacity().total());
    }
}
