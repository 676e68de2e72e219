package ch.ticketpark.sandbox.api;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The events of the sandbox, in memory, seeded with three believable ones. Thread-safe.
 */
@ApplicationScoped
public class EventStore {

    static final List<Event> SEED = List.of(
            new Event("5c6d7e8f9a0b1c2d", "7a1e93d04b5c2f68", "Zurich Comedy Evening", "CHF", false,
                    OffsetDateTime.parse("2026-03-20T14:45:00+01:00")),
            new Event("9e8d7c6b5a403f21", "4f0bc3a2e7d91c55", "Lucerne Summer Classics", "CHF", true,
                    OffsetDateTime.parse("2026-06-15T09:30:00+02:00")),
            new Event("a1b2c3d4e5f60718", "4f0bc3a2e7d91c55", "Jazz Night Bern", "CHF", true,
                    OffsetDateTime.parse("2026-09-01T10:15:00+02:00")));

    private static final Comparator<Event> BY_CREATION = Comparator.comparing(Event::created)
            .thenComparing(Event::pid);

    private final ConcurrentMap<String, Event> events = new ConcurrentHashMap<>();

    public EventStore() {
        SEED.forEach(event -> events.put(event.pid(), event));
    }

    /** All events, oldest first. */
    public List<Event> all() {
        return events.values().stream().sorted(BY_CREATION).toList();
    }

    public Optional<Event> find(String pid) {
        return Optional.ofNullable(events.get(pid));
    }
}
