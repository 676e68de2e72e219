package ch.ticketpark.example;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ch.ticketpark.client.EventsClient;
import ch.ticketpark.client.model.Event;

/**
 * An enterprise bean that reads Ticketpark events; the Ticketpark client handles the access token.
 */
@Stateless
public class EventService {

    @Inject
    @RestClient
    EventsClient events;

    public List<Event> events() {
        return events.list();
    }

    public Event event(String pid) {
        return events.get(pid);
    }
}
