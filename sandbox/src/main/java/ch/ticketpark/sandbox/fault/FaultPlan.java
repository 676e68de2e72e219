package ch.ticketpark.sandbox.fault;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The faults armed for the coming requests: per target a queue, consumed one request at a time (a fault with count
 * 3 affects the next 3 requests, then the next fault of the queue takes over). Thread-safe (synchronized: one short
 * critical section per request).
 */
@ApplicationScoped
public class FaultPlan {

    private final Map<FaultTarget, Deque<Armed>> queues = new EnumMap<>(FaultTarget.class);
    private final Map<FaultTarget, Long> injected = new EnumMap<>(FaultTarget.class);

    public FaultPlan() {
        empty();
    }

    public synchronized void arm(Fault fault) {
        queues.get(fault.target()).addLast(new Armed(fault, fault.count()));
    }

    /** The fault for the next request to this target, if any, counting it as used. */
    public synchronized Optional<Fault> take(FaultTarget target) {
        Deque<Armed> queue = queues.get(target);
        Armed head = queue.pollFirst();
        if (head == null) {
            return Optional.empty();
        }
        if (head.remaining() > 1) {
            queue.addFirst(new Armed(head.fault(), head.remaining() - 1));
        }
        injected.merge(target, 1L, Long::sum);
        return Optional.of(head.fault());
    }

    /** The faults still armed, with their remaining counts, in the order they apply. */
    public synchronized List<Armed> armed() {
        List<Armed> all = new ArrayList<>();
        queues.values().forEach(all::addAll);
        return all;
    }

    /** How many requests to this target got a fault since the last {@link #clear()}. */
    public synchronized long injected(FaultTarget target) {
        return injected.get(target);
    }

    public synchronized void clear() {
        empty();
    }

    private void empty() {
        for (FaultTarget target : FaultTarget.values()) {
            queues.put(target, new ArrayDeque<>());
            injected.put(target, 0L);
        }
    }

    /** A fault and the number of requests it still affects. */
    public record Armed(Fault fault, int remaining) {
    }
}
