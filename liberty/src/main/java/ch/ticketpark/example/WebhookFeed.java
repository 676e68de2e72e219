package ch.ticketpark.example;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Person;
import ch.ticketpark.client.webhook.BookingCancelled;
import ch.ticketpark.client.webhook.BookingTicketsDeleted;
import ch.ticketpark.client.webhook.BookingTicketsUpdated;
import ch.ticketpark.client.webhook.NewBooking;
import ch.ticketpark.client.webhook.NewPayment;
import ch.ticketpark.client.webhook.NewPerson;
import ch.ticketpark.client.webhook.PersonUpdated;
import ch.ticketpark.client.webhook.TicketparkWebhook;

/**
 * The webhooks the application received, newest first, for the page: an observer of every
 * {@link TicketparkWebhook}, as an application would observe the types it keeps in step with Ticketpark.
 */
@ApplicationScoped
public class WebhookFeed {

    static final int KEPT = 20;

    private final Deque<Arrival> arrivals = new ArrayDeque<>();

    /**
     * A webhook as the page shows it.
     *
     * @param at when its event was fired
     * @param type Ticketpark's type
     * @param pid the pid of its record
     * @param summary what the record read back says
     */
    public record Arrival(Instant at, String type, String pid, String summary) {
    }

    void received(@Observes TicketparkWebhook webhook) {
        Arrival arrival = arrival(webhook);
        synchronized (arrivals) {
            arrivals.addFirst(arrival);
            while (arrivals.size() > KEPT) {
                arrivals.removeLast();
            }
        }
    }

    /** @return the last {@value #KEPT} arrivals, newest first */
    public List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    private static Arrival arrival(TicketparkWebhook webhook) {
        if (webhook instanceof NewBooking booked) {
            return booking(webhook, booked.booking());
        } else if (webhook instanceof BookingCancelled cancelled) {
            return booking(webhook, cancelled.booking());
        } else if (webhook instanceof BookingTicketsUpdated updated) {
            return booking(webhook, updated.booking());
        } else if (webhook instanceof BookingTicketsDeleted deleted) {
            return booking(webhook, deleted.booking());
        } else if (webhook instanceof NewPayment paid) {
            return booking(webhook, paid.booking());
        } else if (webhook instanceof NewPerson created) {
            return person(webhook, created.person());
        } else if (webhook instanceof PersonUpdated updated) {
            return person(webhook, updated.person());
        }
        return new Arrival(Instant.now(), webhook.type(), "", "unknown type, not read back");
    }

    private static Arrival booking(TicketparkWebhook webhook, Booking booking) {
        String customer = booking.customer() == null
                ? "?"
                : booking.customer().firstname() + " "
                        + booking.customer().lastname();
        int tickets = booking.tickets() == null ? 0 : booking.tickets().size();
        return new Arrival(Instant.now(), webhook.type(), booking.pid(), customer + ", " + tickets + " ticket(s), "
                + (Boolean.TRUE.equals(booking.confirmation()) ? "confirmed" : "not confirmed"));
    }

    private static Arrival person(TicketparkWebhook webhook, Person person) {
        return new Arrival(Instant.now(), webhook.type(), person.pid(), person.firstname() + " " + person.lastname());
    }
}
