package ch.ticketpark.client.internal.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import ch.ticketpark.client.webhook.TicketparkWebhook;

/** The events a receiver fires, in order, and the executor it gave for the asynchronous observers. */
final class RecordingEvents extends WebhookEvents {

    final List<TicketparkWebhook> fired = new CopyOnWriteArrayList<>();
    final List<Executor> asyncExecutors = new CopyOnWriteArrayList<>();

    @Override
    public void fire(TicketparkWebhook webhook, Executor async) {
        fired.add(webhook);
        asyncExecutors.add(async);
    }
}
