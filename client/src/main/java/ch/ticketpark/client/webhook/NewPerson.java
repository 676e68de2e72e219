package ch.ticketpark.client.webhook;

import java.util.Objects;

import ch.ticketpark.client.model.Person;

/**
 * {@code new-person}: a person, such as a customer, was created.
 *
 * @param person the person read from the API ({@code GET /persons/{pid}}); with
 *        {@code ticketpark.webhook.read-back=false} a reference holding only the pid the webhook named
 */
public record NewPerson(Person person) implements TicketparkWebhook {

    /** The webhook's {@code type}. */
    public static final String TYPE = "new-person";

    public NewPerson {
        Objects.requireNonNull(person, "person");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
