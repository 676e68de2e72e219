package com.example.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Person;
import ch.ticketpark.sandbox.client.Email;
import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.junit.SandboxExtension;

@ExtendWith(ArquillianExtension.class)
@ExtendWith(SandboxExtension.class)
class SellTicketIT {

    static final String SHOW = "c0c0ffee00000001";

    @Deployment
    static WebArchive app() {
        return BookingApp.war();
    }

    @Inject
    TicketDesk desk;

    @Test
    void sellsAConfirmedTicketAndSendsTheConfirmation(SandboxControl sandbox) {
        Booking booking = desk.sell(SHOW, Person.of("Ada", "Lovelace").withEmail("ada@example.com"));

        assertEquals(Boolean.TRUE, booking.confirmation());
        assertEquals(List.of(SHOW), booking.tickets().stream().map(ticket -> ticket.show()).toList());
        assertEquals(List.of(booking.pid()), sandbox.emails().stream().map(Email::booking).toList());
        assertEquals(1, sandbox.stats().passwordGrantsSucceeded());
    }
}
