package it.servers;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Concurrent callers of one {@link LibertyServer} over HTTP, from the test JVM: each calls a path of the example
 * application again and again until {@link #stop()}, and the calls are counted with their failures (any answer but
 * 200, or no answer; the first ones kept with what they got) and the longest call. Each caller has its own connection.
 */
public final class ServerCallers {

    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);
    private static final int FAILURES_KEPT = 20;

    private final LibertyServer server;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final LongAdder calls = new LongAdder();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong failureCount = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    /** The longest call that ended after {@link #resetLongest()}, in nanoseconds. */
    private final AtomicLong longest = new AtomicLong();

    private ServerCallers(LibertyServer server) {
        this.server = server;
    }

    /** Starts {@code count} callers of {@code path} (e.g. {@code /api/events}) on {@code server}. */
    public static ServerCallers start(LibertyServer server, int count, String path) {
        ServerCallers callers = new ServerCallers(server);
        for (int i = 0; i < count; i++) {
            // HTTP/1.1: the JDK client's default upgrade to HTTP/2 (h2c) ends in GOAWAY under 30 callers on Liberty
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            Thread thread = new Thread(() -> callers.callUntilStopped(http, path),
                    server.name() + "-caller-" + i);
            thread.setDaemon(true);
            callers.threads.add(thread);
        }
        callers.threads.forEach(Thread::start);
        return callers;
    }

    private void callUntilStopped(HttpClient http, String path) {
        HttpRequest request = HttpRequest.newBuilder(server.url(path)).timeout(CALL_LIMIT).build();
        while (!stopped.get()) {
            long begin = System.nanoTime();
            String failure;
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                failure = answer.statusCode() == 200
                        ? null
                        : "HTTP " + answer.statusCode() + ": " + head(answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            long end = System.nanoTime();
            calls.increment();
            longest.accumulateAndGet(end - begin, Math::max);
            if (failure != null) {
                failureCount.incrementAndGet();
                if (failures.size() < FAILURES_KEPT) {
                    failures.add(failure);
                }
            }
        }
    }

    /** Lets each caller end after its call in progress, without waiting for that. */
    public void signalStop() {
        stopped.set(true);
    }

    /** Stops the callers and waits for their calls in progress to end. */
    public void stop() throws InterruptedException {
        signalStop();
        for (Thread thread : threads) {
            thread.join(CALL_LIMIT.toMillis() + 10_000);
            if (thread.isAlive()) {
                throw new AssertionError(thread.getName() + " did not end");
            }
        }
    }

    public long calls() {
        return calls.sum();
    }

    public long failures() {
        return failureCount.get();
    }

    /** The first failures (at most {@value #FAILURES_KEPT}), in the order they ended. */
    public List<String> firstFailures() {
        return List.copyOf(failures);
    }

    /** The longest call that ended since the start or the last {@link #resetLongest()}. */
    public Duration longest() {
        return Duration.ofNanos(longest.get());
    }

    public void resetLongest() {
        longest.set(0);
    }

    /** The number of callers. */
    public int size() {
        return threads.size();
    }

    private static String head(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
