package ch.ticketpark.sandbox.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The most recent requests (API and token endpoint), oldest first, bounded so that load tests cannot exhaust the memory. Thread-safe.
 */
@ApplicationScoped
public class RequestLog {

    static final int DEFAULT_CAPACITY = 1000;

    private final int capacity;
    private final ConcurrentLinkedDeque<RecordedRequest> requests = new ConcurrentLinkedDeque<>();
    // ConcurrentLinkedDeque.size() walks the whole deque
    private final AtomicInteger size = new AtomicInteger();

    public RequestLog() {
        this(DEFAULT_CAPACITY);
    }

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    public void record(RecordedRequest request) {
        requests.addLast(request);
        if (size.incrementAndGet() > capacity && requests.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    public Optional<RecordedRequest> last() {
        return Optional.ofNullable(requests.peekLast());
    }

    /** The most recent request to this target ({@link RecordedRequest#API} or {@link RecordedRequest#TOKEN}). */
    public Optional<RecordedRequest> last(String target) {
        var newestFirst = requests.descendingIterator();
        while (newestFirst.hasNext()) {
            RecordedRequest request = newestFirst.next();
            if (request.target().equals(target)) {
                return Optional.of(request);
            }
        }
        return Optional.empty();
    }

    /** The recorded requests, oldest first. */
    public List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    public void clear() {
        while (requests.pollFirst() != null) {
            size.decrementAndGet();
        }
    }
}
