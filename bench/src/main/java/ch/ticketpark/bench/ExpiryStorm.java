package ch.ticketpark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * The expiry storm: many callers ask for a token in a loop while short-lived tokens expire one after the other, against
 * a token endpoint with a fixed latency that rotates refresh tokens (a reused one gets {@code invalid_grant}). For each
 * contender: token requests per expiry (an expiry being the end of one token's use: a contender that refreshes ahead
 * replaces its token before it expires, so the figure is token requests per token the callers used),
 * {@code invalid_grant} answers, failed calls, and how long callers waited for a token (p50, p99, max over all calls,
 * and the largest wait in the second around an expiry, the storm itself).
 */
public final class ExpiryStorm {

    /** How one run is shaped: {@link #MEASURED} for bench/run, a short one for the build's smoke test. */
    record Shape(Duration lifetime, Duration latency, int callers, Duration duration, Duration pause) {
    }

    static final Shape MEASURED = new Shape(Duration.ofSeconds(2), Duration.ofMillis(100), 200, Duration.ofSeconds(22),
            Duration.ofMillis(5));

    /** One contender's figures. */
    record Outcome(String contender, long calls, long failed, long tokenRequests, long expiries, long invalidGrants,
            double p50Millis, double p99Millis, double maxMillis, double maxAroundExpiryMillis, Duration latency) {

        double requestsPerExpiry() {
            return (double) tokenRequests / expiries;
        }

        double maxWaitVsLatency() {
            return maxAroundExpiryMillis / latency.toMillis();
        }

        String csv() {
            return String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%.2f,%d,%.3f,%.3f,%.3f,%.3f,%.3f", contender, calls,
                    failed, tokenRequests, expiries, requestsPerExpiry(), invalidGrants, p50Millis, p99Millis,
                    maxMillis, maxAroundExpiryMillis, maxWaitVsLatency());
        }
    }

    static final String CSV_HEADER = "contender,calls,failed,token_requests,expiries,requests_per_expiry,invalid_grant,"
            + "wait_p50_ms,wait_p99_ms,wait_max_ms,wait_max_around_expiry_ms,max_wait_vs_latency";

    private ExpiryStorm() {
    }

    /** Runs every contender with the measured shape and writes {@code storm.csv} into the given directory. */
    public static void main(String[] arguments) throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        for (String contender : List.of("ours", "keycloak", "spring", "constant")) {
            Outcome outcome = run(contender, MEASURED);
            System.out.println(CSV_HEADER + System.lineSeparator() + outcome.csv());
            outcomes.add(outcome);
        }
        List<String> lines = new ArrayList<>(List.of(CSV_HEADER));
        outcomes.forEach(outcome -> lines.add(outcome.csv()));
        Files.write(Path.of(arguments[0]).resolve("storm.csv"), lines);
    }

    static Outcome run(String contender, Shape shape) throws IOException, InterruptedException {
        try (LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint(shape.lifetime(), shape.latency());
                Contenders contenders = new Contenders(endpoint.baseUrl(), skew(contender, shape))) {
            Supplier<String> token = switch (contender) {
                case "ours" -> contenders::ourToken;
                case "keycloak" -> contenders::keycloakToken;
                case "spring" -> contenders::springToken;
                case "constant" -> () -> "at-constant";
                default -> throw new IllegalArgumentException(contender);
            };
            token.get(); // the first grant, before the storm
            long start = System.nanoTime();
            long end = start + shape.duration().toNanos();
            Caller[] callers = new Caller[shape.callers()];
            CountDownLatch done = new CountDownLatch(callers.length);
            for (int i = 0; i < callers.length; i++) {
                callers[i] = new Caller(token, end, shape.pause(), done);
                Thread thread = new Thread(callers[i], "storm-caller-" + i);
                thread.setDaemon(true);
                thread.start();
            }
            done.await();
            long stop = System.nanoTime();
            return outcome(contender, shape, endpoint, callers, start, stop);
        }
    }

    /** Each peer's own refresh margin, fitted to short tokens (their defaults would refresh on every call). */
    private static Duration skew(String contender, Shape shape) {
        return switch (contender) {
            case "ours" -> shape.lifetime().dividedBy(5); // the library's own default for short tokens: 20 %
            case "keycloak" -> Duration.ZERO; // whole seconds only: 1 s would be half the token
            default -> shape.lifetime().dividedBy(10);
        };
    }

    private static Outcome outcome(String contender, Shape shape, LoopbackTokenEndpoint endpoint, Caller[] callers,
            long start, long stop) {
        long calls = 0;
        long failed = 0;
        Set<String> used = new HashSet<>();
        for (Caller caller : callers) {
            calls += caller.count;
            failed += caller.failed.get();
            used.addAll(caller.tokens);
        }
        long[] waits = new long[(int) calls];
        int at = 0;
        for (Caller caller : callers) {
            System.arraycopy(caller.waits, 0, waits, at, caller.count);
            at += caller.count;
        }
        Arrays.sort(waits);
        // the second around each expiry of a token issued before the end: where callers could have had to wait
        long aroundExpiry = 0;
        long half = Duration.ofMillis(500).toNanos();
        for (long expiry : expiries(contender, shape, endpoint, start)) {
            if (expiry > start && expiry < stop) {
                for (Caller caller : callers) {
                    aroundExpiry = Math.max(aroundExpiry, caller.maxWaitBetween(expiry - half, expiry + half));
                }
            }
        }
        return new Outcome(contender, calls, failed, endpoint.requests(), used.size(), endpoint.invalidGrants(),
                millis(percentile(waits, 0.50)), millis(percentile(waits, 0.99)),
                millis(waits.length == 0 ? 0 : waits[waits.length - 1]), millis(aroundExpiry), shape.latency());
    }

    /**
     * When the tokens expired; for the constant token, which never expires, one lifetime after another from the start:
     * the same share of the calls, in windows as long, as the machine's own waits (the scheduler, the collector) with
     * no token to get.
     */
    private static long[] expiries(String contender, Shape shape, LoopbackTokenEndpoint endpoint, long start) {
        long lifetime = shape.lifetime().toNanos();
        if (contender.equals("constant")) {
            return LongStream.rangeClosed(1, shape.duration().toNanos() / lifetime).map(i -> start + i * lifetime)
                    .toArray();
        }
        return endpoint.issuedAtNanos().stream().mapToLong(issued -> issued + lifetime).toArray();
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted.length == 0
                ? 0
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** One caller: asks for a token, records when and how long it waited, pauses, again, until the end. */
    private static final class Caller implements Runnable {

        private final Supplier<String> token;
        private final long end;
        private final long pauseMillis;
        private final CountDownLatch done;
        private final AtomicLong failed = new AtomicLong();
        /** The tokens it got, each once: those the callers used. */
        private final List<String> tokens = new ArrayList<>();
        private long[] startedAt;
        private long[] waits;
        private int count;

        Caller(Supplier<String> token, long end, Duration pause, CountDownLatch done) {
            this.token = token;
            this.end = end;
            this.pauseMillis = pause.toMillis();
            this.done = done;
            // sized for the whole run: no copying (and no collection it would cause) while callers are timed
            int expected = (int) (Duration.ofNanos(end - System.nanoTime()).toMillis() / Math.max(1, pauseMillis)) + 64;
            startedAt = new long[expected];
            waits = new long[expected];
        }

        @Override
        public void run() {
            try {
                while (System.nanoTime() < end) {
                    long before = System.nanoTime();
                    String got = null;
                    try {
                        got = token.get();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                    record(before, System.nanoTime() - before);
                    if (got != null && (tokens.isEmpty() || !tokens.get(tokens.size() - 1).equals(got))) {
                        tokens.add(got);
                    }
                    Thread.sleep(pauseMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                done.countDown();
            }
        }

        private void record(long before, long wait) {
            if (count == waits.length) {
                startedAt = Arrays.copyOf(startedAt, count * 2);
                waits = Arrays.copyOf(waits, count * 2);
            }
            startedAt[count] = before;
            waits[count] = wait;
            count++;
        }

        long maxWaitBetween(long from, long to) {
            long max = 0;
            for (int i = 0; i < count; i++) {
                long callEnd = startedAt[i] + waits[i];
                if (callEnd >= from && startedAt[i] <= to) {
                    max = Math.max(max, waits[i]);
                }
            }
            return max;
        }
    }
}
