package com.example.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Person;
import ch.ticketpark.sandbox.client.Faults;
import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.junit.SandboxExtension;

@ExtendWith(ArquillianExtension.class)
@ExtendWith(SandboxExtension.class)
class TokenOutageIT {

    @Deployment
    static WebArchive app() {
        return BookingApp.war();
    }

    @Inject
    TicketDesk desk;

    @Test
    void whileTheTokenEndpointIsDownASaleFailsWithATypedErrorAndBooksNothingThenItSells(SandboxControl sandbox) {
        sandbox.arm(Faults.token().status(503).times(1000));

        EJBException failure = assertThrows(EJBException.class,
                () -> desk.sell(SellTicketIT.SHOW, Person.of("Grace", "Hopper").withEmail("grace@example.com")));
        TokenEndpointUnavailableException cause = assertInstanceOf(TokenEndpointUnavailableException.class,
                failure.getCause());
        assertEquals(503, cause.status());
        assertEquals(List.of(), sandbox.requests("api", 100)); // nothing reached the API: no half-made booking

        sandbox.disarm();
        Booking booking = desk.sell(SellTicketIT.SHOW, Person.of("Grace", "Hopper").withEmail("grace@example.com"));

        assertEquals(Boolean.TRUE, booking.confirmation());
        assertEquals(1, sandbox.stats().passwordGrantsSucceeded());
    }
}
