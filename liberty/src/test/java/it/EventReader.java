package it;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ch.ticketpark.client.api.EventsClient;
import ch.ticketpark.client.model.Event;

/** An enterprise bean of a test application, using the Ticketpark client as applications do. */
@Stateless
public class EventReader {

    @Inject
    @RestClient
    EventsClient events;

    public List<Event> events() {
        return events.list();
    }
}
