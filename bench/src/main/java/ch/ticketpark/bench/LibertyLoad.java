package ch.ticketpark.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ch.ticketpark.sandbox.client.SandboxControl;

/**
 * The cost through Liberty: drives the bench WAR's two endpoints, {@code GET /bench/library} (the library's
 * {@code EventsClient}) and {@code GET /bench/static} (a REST client with a constant header), each of which reads the
 * sandbox's {@code GET /events/} on the same server, at a fixed concurrency. After a warm-up the variants take turns in
 * slices (ABBA order, so that a drift of the machine weighs on both alike); for each: requests, failures, throughput,
 * p50 and p99 latency, and the token requests the sandbox answered while it was measured. Writes {@code liberty.csv}.
 * <p>
 * Arguments: the server's URL ({@code http://localhost:9180}, the sandbox at {@code /sandbox}) and the results
 * directory.
 */
public final class LibertyLoad {

    /**
     * How one run is shaped: {@link #MEASURED} for bench/run, a short one for the builds' smoke runs.
     *
     * @param concurrency how many callers send requests, each one after the other
     * @param warmupSlice how long each slice of the warm-up lasts
     * @param warmupSlicesPerVariant warm-up slices of each variant, alternating
     * @param slice how long each measured slice lasts
     * @param slicesPerVariant measured slices of each variant, in ABBA order
     */
    public record Shape(int concurrency, Duration warmupSlice, int warmupSlicesPerVariant, Duration slice,
            int slicesPerVariant) {
    }

    // Liberty's JIT takes minutes on 2 cores: the warm-up is long, so that the measured slices see a steady server
    public static final Shape MEASURED = new Shape(16, Duration.ofSeconds(10), 6, Duration.ofSeconds(5), 6);

    /** The variants, as the path segment of their endpoint. */
    static final List<String> VARIANTS = List.of("library", "static");

    /**
     * One variant's figures.
     *
     * @param requests the requests answered 200 in its measured slices
     * @param failed the others (another status, or no answer)
     * @param seconds the length of its measured slices together
     * @param tokenRequests the token requests the sandbox answered during its measured slices
     */
    public record Outcome(String variant, long requests, long failed, double seconds, double p50Millis,
            double p99Millis,
            long tokenRequests) {

        /** Requests answered 200 per second. */
        public double throughput() {
            return requests / seconds;
        }

        /** The row of {@code liberty.csv}. */
        public String csv() {
            return String.format(Locale.ROOT, "%s,%d,%d,%.1f,%.0f,%.2f,%.2f,%d", variant, requests, failed, seconds,
                    throughput(), p50Millis, p99Millis, tokenRequests);
        }
    }

    public static final String CSV_HEADER = "variant,requests,failed,seconds,throughput_rps,p50_ms,p99_ms,token_requests";

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private LibertyLoad() {
    }

    public static void main(String[] arguments) throws Exception {
        List<Outcome> outcomes = run(URI.create(arguments[0].replaceAll("/+$", "")), MEASURED);
        List<String> lines = new ArrayList<>(List.of(CSV_HEADER));
        outcomes.forEach(outcome -> lines.add(outcome.csv()));
        System.out.println(String.join(System.lineSeparator(), lines));
        Files.write(Path.of(arguments[1]).resolve("liberty.csv"), lines);
    }

    /**
     * Waits until both endpoints answer, then warms up and measures.
     *
     * @param server the server's URL, without a trailing slash
     * @return the outcomes, in the order of {@link #VARIANTS}
     */
    public static List<Outcome> run(URI server, Shape shape) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        SandboxControl sandbox = SandboxControl.at(server + "/sandbox");
        List<HttpRequest> requests = VARIANTS.stream()
                .map(variant -> HttpRequest.newBuilder(server.resolve("/bench/" + variant)).timeout(REQUEST_TIMEOUT)
                        .GET().build())
                .toList();
        awaitReady(http, requests);

        Worker[] workers = new Worker[shape.concurrency()];
        Thread[] threads = new Thread[workers.length];
        Slice first = new Slice(0, false);
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(http, requests, first);
            threads[i] = new Thread(workers[i], "liberty-load-" + i);
            threads[i].setDaemon(true);
        }
        for (Thread thread : threads) {
            thread.start();
        }
        for (int i = 0; i < 2 * shape.warmupSlicesPerVariant(); i++) {
            switchTo(workers, new Slice(i % 2, false));
            Thread.sleep(shape.warmupSlice().toMillis());
        }
        long[] nanos = new long[VARIANTS.size()];
        long[] tokenRequests = new long[VARIANTS.size()];
        long tokensBefore = sandbox.stats().tokenRequests();
        for (int i = 0; i < 2 * shape.slicesPerVariant(); i++) {
            int variant = (i + 1) / 2 % 2; // A B B A A B ...
            long start = System.nanoTime();
            switchTo(workers, new Slice(variant, true));
            Thread.sleep(shape.slice().toMillis());
            switchTo(workers, Slice.PAUSE);
            nanos[variant] += System.nanoTime() - start;
            long tokensAfter = sandbox.stats().tokenRequests();
            tokenRequests[variant] += tokensAfter - tokensBefore;
            tokensBefore = tokensAfter;
        }
        switchTo(workers, Slice.STOP);
        for (Thread thread : threads) {
            thread.join(REQUEST_TIMEOUT.toMillis() + 5000);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int variant = 0; variant < VARIANTS.size(); variant++) {
            outcomes.add(outcome(variant, workers, nanos[variant], tokenRequests[variant]));
        }
        return outcomes;
    }

    private static void awaitReady(HttpClient http, List<HttpRequest> requests) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (HttpRequest request : requests) {
            String last = "no answer";
            while (true) {
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        break;
                    }
                    last = response.statusCode() + " " + response.body();
                } catch (IOException e) {
                    last = e.toString();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(request.uri() + " did not answer 200 within " + READY_TIMEOUT
                            + ": " + last);
                }
                Thread.sleep(500);
            }
        }
    }

    private static void switchTo(Worker[] workers, Slice slice) {
        for (Worker worker : workers) {
            worker.slice = slice;
        }
    }

    private static Outcome outcome(int variant, Worker[] workers, long nanos, long tokenRequests) {
        long failed = 0;
        int count = 0;
        for (Worker worker : workers) {
            failed += worker.failed[variant];
            count += worker.counts[variant];
        }
        long[] latencies = new long[count];
        int at = 0;
        for (Worker worker : workers) {
            System.arraycopy(worker.latencies[variant], 0, latencies, at, worker.counts[variant]);
            at += worker.counts[variant];
        }
        Arrays.sort(latencies);
        return new Outcome(VARIANTS.get(variant), count, failed, nanos / 1e9, percentile(latencies, 0.50) / 1e6,
                percentile(latencies, 0.99) / 1e6, tokenRequests);
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted.length == 0
                ? 0
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    /**
     * What the workers do now: which variant, and whether it counts. A request counts for the slice it started in;
     * between measured slices the workers pause, so that a request never runs into the other variant's slice.
     */
    private record Slice(int variant, boolean measured) {

        static final Slice PAUSE = new Slice(-1, false);
        static final Slice STOP = new Slice(-2, false);
    }

    /** One caller: sends the current slice's request, records its latency if the slice is measured, again. */
    private static final class Worker implements Runnable {

        private final HttpClient http;
        private final List<HttpRequest> requests;
        private final long[][] latencies = new long[VARIANTS.size()][4096];
        private final int[] counts = new int[VARIANTS.size()];
        private final long[] failed = new long[VARIANTS.size()];
        private volatile Slice slice;

        Worker(HttpClient http, List<HttpRequest> requests, Slice slice) {
            this.http = http;
            this.requests = requests;
            this.slice = slice;
        }

        @Override
        public void run() {
            try {
                for (Slice current = slice; current != Slice.STOP; current = slice) {
                    if (current == Slice.PAUSE) {
                        Thread.sleep(1);
                        continue;
                    }
                    long start = System.nanoTime();
                    boolean ok = send(requests.get(current.variant()));
                    long latency = System.nanoTime() - start;
                    if (current.measured()) {
                        record(current.variant(), ok, latency);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private boolean send(HttpRequest request) throws InterruptedException {
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        }

        private void record(int variant, boolean ok, long latency) {
            if (!ok) {
                failed[variant]++;
                return;
            }
            if (counts[variant] == latencies[variant].length) {
                latencies[variant] = Arrays.copyOf(latencies[variant], 2 * counts[variant]);
            }
            latencies[variant][counts[variant]++] = latency;
        }
    }
}
