package ch.ticketpark.sandbox.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The e-mails {@code POST /email/send} would have sent, for tests to read through the control plane. Thread-safe.
 */
@ApplicationScoped
public class Mailbox {

    private final List<SentEmail> sent = new CopyOnWriteArrayList<>();

    void add(SentEmail email) {
        sent.add(email);
    }

    /** Oldest first. */
    public List<SentEmail> sent() {
        return List.copyOf(sent);
    }

    public void clear() {
        sent.clear();
    }
}
