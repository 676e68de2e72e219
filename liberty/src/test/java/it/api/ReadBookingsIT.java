package it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Ticket;

/**
 * Reading the seed bookings from an enterprise bean with the customer and the tickets expanded: one booking, a list
 * filtered on the customer relation, and the bookings of an event through the nested client.
 */
@ExtendWith(ArquillianExtension.class)
class ReadBookingsIT {

    private static final Query CUSTOMER_AND_TICKETS = Query.create().expand("customer", "tickets");

    @Deployment
    static WebArchive deployment() {
        return ApiDeployments.war("read-bookings-it");
    }

    @Inject
    Api api;

    @BeforeEach
    void seedData() {
        api.resetSandbox();
    }

    @Test
    void bookingWithCustomerAndTicketsExpanded() {
        Booking booking = api.call(c -> c.bookings().get(Seed.BOOKING_ANNA, CUSTOMER_AND_TICKETS));

        assertThat(booking.pid()).isEqualTo(Seed.BOOKING_ANNA);
        assertThat(booking.pidReadable()).isEqualTo("2932-3344-6073");
        assertThat(booking.confirmation()).isTrue();
        assertThat(booking.customer().pid()).isEqualTo(Seed.PERSON_ANNA);
        assertThat(booking.customer().firstname()).isEqualTo("Anna");
        assertThat(booking.customer().lastname()).isEqualTo("Muster");
        assertThat(booking.customer().email()).isEqualTo("anna.muster@example.ch");
        assertThat(booking.tickets()).hasSize(2)
                .extracting(Ticket::booking, Ticket::show, Ticket::sector)
                .containsOnly(tuple(Seed.BOOKING_ANNA, Seed.COMEDY_SHOW, Seed.SECTOR_PARKETT));
    }

    @Test
    void bookingWithoutExpansionHasOnlyTheCustomersPid() {
        Booking booking = api.call(c -> c.bookings().get(Seed.BOOKING_ANNA));

        assertThat(booking.customer().pid()).isEqualTo(Seed.PERSON_ANNA);
        assertThat(booking.customer().firstname()).isNull();
        assertThat(booking.tickets()).isNull();
    }

    @Test
    void bookingsFilteredOnTheCustomerRelationWithCustomerAndTickets() {
        List<Booking> bookings = api.call(c -> c.bookings().list(
                CUSTOMER_AND_TICKETS.filter("customer.lastname", "Keller")));

        assertThat(bookings).singleElement().satisfies(booking -> {
            assertThat(booking.pid()).isEqualTo(Seed.BOOKING_BEAT);
            assertThat(booking.customer().firstname()).isEqualTo("Beat");
            assertThat(booking.tickets()).hasSize(4).allSatisfy(ticket -> assertThat(ticket.booking())
                    .isEqualTo(Seed.BOOKING_BEAT));
        });
    }

    @Test
    void bookingsOfAnEventThroughTheNestedClient() {
        List<Booking> bookings = api.call(c -> c.eventBookings().list(Seed.CLASSICS_EVENT,
                Query.page(0, 10).expand("customer", "tickets")));

        assertThat(bookings).extracting(Booking::pid, booking -> booking.customer().firstname())
                .containsExactlyInAnyOrder(tuple(Seed.BOOKING_BEAT, "Beat"), tuple(Seed.BOOKING_CHIARA, "Chiara"));
        assertThat(bookings).allSatisfy(booking -> assertThat(booking.tickets())
                .extracting(Ticket::show).contains(Seed.CLASSICS_SHOW));

        List<Booking> paged = api.call(c -> c.eventBookings().stream(Seed.CLASSICS_EVENT,
                Query.create().maxResults(1)).toList());
        assertThat(paged).extracting(Booking::pid).containsExactlyInAnyOrder(Seed.BOOKING_BEAT, Seed.BOOKING_CHIARA);

        List<Ticket> classics = api.call(c -> c.bookingTickets().list(Seed.BOOKING_BEAT,
                Query.create().filter("show", Seed.CLASSICS_SHOW)));
        assertThat(classics).singleElement().satisfies(ticket -> {
            assertThat(ticket.booking()).isEqualTo(Seed.BOOKING_BEAT);
            assertThat(ticket.show()).isEqualTo(Seed.CLASSICS_SHOW);
        });
    }
}
