package ch.ticketpark.example;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.api.EventsClient;
import ch.ticketpark.client.api.ShowsClient;
import ch.ticketpark.client.model.Event;
import ch.ticketpark.client.model.Show;

/**
 * An enterprise bean that reads Ticketpark events and their shows; the Ticketpark client handles the access token.
 */
@Stateless
public class EventService {

    @Inject
    @RestClient
    EventsClient events;

    @Inject
    @RestClient
    ShowsClient shows;

    public List<Event> events() {
        return events.list();
    }

    public Event event(String pid) {
        return events.get(pid);
    }

    /** The event's shows, each with its capacity (sold and available seats). */
    public List<Show> shows(String eventPid) {
        return shows
                .list(Query.create().filter("event", eventPid).orderBy("start", Query.Order.ASC).expand("capacity"));
    }
}
