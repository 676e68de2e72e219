package it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.ejb.EJBException;

/**
 * Concurrent callers of the soak ITs (add this class to their deployment): each calls until the end of the run and
 * records its calls, latencies and failures; a sampler counts the calls in progress ten times a second. Threads of the
 * {@code DefaultManagedThreadFactory}, not tasks of the managed executor: the client runs its token requests there, and
 * callers that hold its threads while they wait for a token would starve the request they wait for.
 */
final class Callers {

    static final long SAMPLE_MILLIS = 100;

    private final long end;
    private final BooleanSupplier call;
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger maxInProgress = new AtomicInteger();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final List<List<Long>> latencies = new ArrayList<>();
    private final List<Integer> samples = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();

    private Callers(long end, BooleanSupplier call) {
        this.end = end;
        this.call = call;
    }

    /**
     * Starts {@code count} callers of {@code call} (false: a failure, "no events") and the sampler, all until
     * {@code end} ({@link System#nanoTime()}).
     */
    static Callers start(int count, long end, BooleanSupplier call) throws NamingException {
        ThreadFactory factory = InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
        Callers callers = new Callers(end, call);
        for (int i = 0; i < count; i++) {
            List<Long> own = new ArrayList<>();
            callers.latencies.add(own);
            callers.threads.add(factory.newThread(() -> callers.call(own)));
        }
        callers.threads.add(factory.newThread(callers::sample));
        callers.threads.forEach(Thread::start);
        return callers;
    }

    /** Waits for every caller until {@code deadline} ({@link System#nanoTime()}); true if all have ended. */
    boolean awaitEnd(long deadline) throws InterruptedException {
        try {
            for (Thread thread : threads) {
                TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, deadline - System.nanoTime()));
            }
            return threads.stream().noneMatch(Thread::isAlive);
        } finally {
            threads.forEach(Thread::interrupt);
        }
    }

    private void call(List<Long> own) {
        while (System.nanoTime() < end) {
            maxInProgress.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
            long before = System.nanoTime();
            try {
                if (!call.getAsBoolean()) {
                    failures.computeIfAbsent("no events", key -> new LongAdder()).increment();
                }
            } catch (RuntimeException e) {
                failures.computeIfAbsent(kind(e), key -> new LongAdder()).increment();
            } finally {
                own.add(System.nanoTime() - before);
                inProgress.decrementAndGet();
            }
        }
    }

    private void sample() {
        try {
            while (System.nanoTime() < end) {
                TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS);
                samples.add(inProgress.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Calls that returned, failed or not. */
    long calls() {
        return latencies.stream().mapToLong(List::size).sum();
    }

    /** The fewest calls one caller made. */
    long fewestCallsOfOneCaller() {
        return latencies.stream().mapToLong(List::size).min().orElse(0);
    }

    long failed() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    int maxInProgress() {
        return maxInProgress.get();
    }

    int medianInProgress() {
        return median(samples);
    }

    int sampleCount() {
        return samples.size();
    }

    /** The medians of the calls in progress per 5 seconds. */
    List<Integer> timeline() {
        List<Integer> copy = new ArrayList<>(samples);
        int perBucket = (int) (5_000 / SAMPLE_MILLIS);
        List<Integer> medians = new ArrayList<>();
        for (int from = 0; from < copy.size(); from += perBucket) {
            medians.add(median(copy.subList(from, Math.min(copy.size(), from + perBucket))));
        }
        return medians;
    }

    /** The latency percentile in milliseconds, of every call (nearest rank). */
    double percentile(double percentile) {
        List<Long> sorted = latencies.stream().flatMap(List::stream).sorted().toList();
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** The failures by kind, most frequent first, at most five. */
    String describeFailures() {
        if (failures.isEmpty()) {
            return "";
        }
        return failures.entrySet()
                .stream()
                .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .limit(5)
                .map(entry -> entry.getValue().sum() + " x " + entry.getKey())
                .collect(Collectors.joining("; ", " (", ")"));
    }

    /**
     * Runs one assertion, adding its message to {@code broken} if it fails: a failing soak names each broken promise at
     * once (not SoftAssertions: it needs ByteBuddy in the deployment).
     */
    static void check(List<String> broken, Runnable assertion) {
        try {
            assertion.run();
        } catch (AssertionError e) {
            broken.add(e.getMessage());
        }
    }

    /** The exception without the EJB container's wrapping, cut short: failures of one kind share it. */
    private static String kind(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }

    private static int median(List<Integer> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Integer> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
