package it.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

import ch.ticketpark.client.webhook.TicketparkWebhook;

/** An application's observers of the webhook events, one synchronous and one asynchronous: what each heard. */
@ApplicationScoped
public class WebhookRecorder {

    private final List<TicketparkWebhook> heard = new CopyOnWriteArrayList<>();
    private final List<TicketparkWebhook> heardAsync = new CopyOnWriteArrayList<>();

    void heard(@Observes TicketparkWebhook webhook) {
        heard.add(webhook);
    }

    void heardAsync(@ObservesAsync TicketparkWebhook webhook) {
        heardAsync.add(webhook);
    }

    /** @return the events the synchronous observer heard, in order */
    public List<TicketparkWebhook> heard() {
        return List.copyOf(heard);
    }

    /** @return the events the asynchronous observer heard, in order */
    public List<TicketparkWebhook> heardAsync() {
        return List.copyOf(heardAsync);
    }

    public <T extends TicketparkWebhook> List<T> heard(Class<T> type) {
        return heard.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public void clear() {
        heard.clear();
        heardAsync.clear();
    }
}
