package ch.ticketpark.client.internal.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.ticketpark.client.internal.observe.WebhookObserver;

/** Records what the receiver tells its observer, one line per call, such as {@code answered accepted 200}. */
final class RecordingWebhookObserver implements WebhookObserver {

    final List<String> heard = new CopyOnWriteArrayList<>();

    @Override
    public void answered(Answer answer, int status) {
        heard.add("answered " + answer.metricName() + " " + status);
    }

    @Override
    public void fired(String type) {
        heard.add("fired " + type);
    }

    @Override
    public void dropped(Drop why, int count) {
        heard.add("dropped " + why.code() + " " + count);
    }

    @Override
    public void retrying() {
        heard.add("retrying");
    }

    @Override
    public void close() {
        heard.add("close");
    }
}
