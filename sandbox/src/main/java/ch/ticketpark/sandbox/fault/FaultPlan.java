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
 * The faults armed for the coming requests, per target a queue in the order they were armed. Only the first fault of
 * a target's queue is active; it decides about each request of the target:
 * <ul>
 * <li>a request it does not select (a token request of another {@code grantType}) passes untouched and is not
 * counted;</li>
 * <li>of the requests it selects, the {@code every}-th, 2&times;{@code every}-th, ... get the fault; those in between
 * pass untouched and are only counted;</li>
 * <li>once it has hit {@code count} requests it is gone, and the next fault of the queue takes over, counting from
 * zero.</li>
 * </ul>
 * So a fault queued behind one with a {@code grantType} waits until that one is used up, even for requests the first
 * does not select: faults of a target never overlap, and their order is the order they were armed in. Thread-safe
 * (synchronized: one short critical section per request).
 */
@ApplicationScoped
public class FaultPlan {

    private final Map<FaultTarget, Deque<Armed>> queues = new EnumMap<>(FaultTarget.class);
    private final Map<FaultTarget, Long> injected = new EnumMap<>(FaultTarget.class);

    public FaultPlan() {
        empty();
    }

    public synchronized void arm(Fault fault) {
        queues.get(fault.target()).addLast(new Armed(fault, fault.count(), 0));
    }

    /** {@link #take(FaultTarget, String)} for a request without a {@code grant_type}. */
    public Optional<Fault> take(FaultTarget target) {
        return take(target, null);
    }

    /**
     * The fault for this request, if it gets one, counting it as used.
     *
     * @param target the request's target
     * @param grantType the {@code grant_type} of a token request, or {@code null}
     */
    public synchronized Optional<Fault> take(FaultTarget target, String grantType) {
        Deque<Armed> queue = queues.get(target);
        Armed head = queue.peekFirst();
        if (head == null || !head.fault().selects(grantType)) {
            return Optional.empty();
        }
        queue.removeFirst();
        if (head.passed() + 1 < head.fault().every()) {
            queue.addFirst(new Armed(head.fault(), head.remaining(), head.passed() + 1));
            return Optional.empty();
        }
        if (head.remaining() > 1) {
            queue.addFirst(new Armed(head.fault(), head.remaining() - 1, 0));
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

    /**
     * A fault, the number of requests it still affects, and the requests it selected and let pass since it last hit
     * one (0 to {@code every} - 1).
     */
    public record Armed(Fault fault, int remaining, int passed) {
    }
}
