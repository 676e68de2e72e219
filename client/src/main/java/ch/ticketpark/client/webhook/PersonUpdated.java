package ch.ticketpark.client.webhook;

import java.util.Objects;

import ch.ticketpark.client.model.Person;

/**
 * A person was changed: Ticketpark's type {@code new-updated}, spelled so in its documentation and matched exactly.
 *
 * @param person the person read from the API ({@code GET /persons/{pid}}); with
 *        {@code ticketpark.webhook.read-back=false} a reference holding only the pid the webhook named
 */
public record PersonUpdated(Person person) implements TicketparkWebhook {

    /** The webhook's {@code type}. */
    public static final String TYPE = "new-updated";

    public PersonUpdated {
        Objects.requireNonNull(person, "person");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
