package ch.ticketpark.client.internal.config;

import java.util.ArrayList;
import java.util.List;

import ch.ticketpark.client.exception.TicketparkConfigurationException;
import ch.ticketpark.client.internal.Messages;

/** Collects every problem before failing, so that one deployment attempt reports them all. */
final class Problems {

    private final List<String> keys = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    void add(String key, String problem) {
        add(List.of(key), problem);
    }

    void add(List<String> keys, String problem) {
        this.keys.addAll(keys);
        this.problems.add(problem);
    }

    /** @throws TicketparkConfigurationException naming every key at fault, if there is a problem */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new TicketparkConfigurationException(Messages.invalidConfiguration(problems), keys);
        }
    }
}
