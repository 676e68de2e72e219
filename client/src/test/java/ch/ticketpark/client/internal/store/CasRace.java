package ch.ticketpark.client.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;

/**
 * Threads that race to replace a store's state: each attempt reads the stored version and offers the next one, as the
 * client does after a token request. Records who won which version and what was thrown.
 */
final class CasRace {

    private static final Instant OBTAINED = Instant.parse("2024-05-01T10:15:30Z");

    /** What the race left: the refresh token each version was won with, and every failure. */
    record Outcome(Map<Long, List<String>> winners, List<Throwable> failures) {

        int successes() {
            return winners.values().stream().mapToInt(List::size).sum();
        }
    }

    private CasRace() {
    }

    /** The state an attempt offers; its refresh token names the attempt. */
    static StoredTokens offer(int thread, int attempt, long version) {
        String id = thread + "-" + attempt;
        return new StoredTokens("refresh-" + id, "access-" + id, OBTAINED, OBTAINED.plusSeconds(1800), version);
    }

    static Outcome run(TokenStore store, int threads, int attempts) throws InterruptedException {
        return run(thread -> store, threads, attempts);
    }

    /** A race in which each thread may use a store of its own (stores that share their state). */
    static Outcome run(IntFunction<TokenStore> storeOfThread, int threads, int attempts) throws InterruptedException {
        Map<Long, List<String>> winners = new ConcurrentHashMap<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> racers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            TokenStore store = storeOfThread.apply(t);
            racers.add(new Thread(() -> {
                try {
                    start.await();
                    for (int attempt = 0; attempt < attempts; attempt++) {
                        long version = store.load().map(StoredTokens::version).orElse(0L);
                        StoredTokens next = offer(thread, attempt, version + 1);
                        if (store.compareAndSet(version, next)) {
                            winners.computeIfAbsent(next.version(), v -> new CopyOnWriteArrayList<>())
                                    .add(next.refreshToken());
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "cas-racer-" + t));
        }
        racers.forEach(Thread::start);
        start.countDown();
        for (Thread racer : racers) {
            racer.join(TimeUnit.SECONDS.toMillis(50));
            if (racer.isAlive()) {
                failures.add(new AssertionError(racer.getName() + " did not finish"));
            }
        }
        return new Outcome(winners, failures);
    }
}
