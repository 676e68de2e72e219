package ch.ticketpark.client.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.observe.TokenObserver;
import ch.ticketpark.client.support.MapConfig;
import ch.ticketpark.client.support.MutableClock;

/**
 * The fast path: while its token is fresh (before its refresh time), a call hands it out without reading the clock,
 * and the alarm set for the refresh time, or any change of the state, ends that. Tokens of 600 s, a skew of 30 s: due
 * 570 s after they were requested.
 */
class TokenManagerFreshTokenTest extends TokenManagerTestSupport {

    private final CountingClock time = new CountingClock();
    private final ManualAlarm alarm = new ManualAlarm(time);

    private TokenManager withAlarm(Map<String, String> overrides, Alarm alarm, Executor runs) {
        return closing(new TokenManager(MapConfig.load(server.baseUrl(), overrides), time, runs, alarm, sleeper,
                () -> 1.0, TokenManager.NO_STORE, TokenObserver.NONE));
    }

    private TokenManager withAlarm(Map<String, String> overrides) {
        return withAlarm(overrides, alarm, executor);
    }

    @Test
    void aFreshTokenIsHandedOutWithoutReadingTheClock() {
        passwordThenRefresh();
        TokenManager manager = withAlarm(Map.of());
        manager.accessToken();
        manager.accessToken(); // the first call with a valid token publishes it
        int reads = time.reads();

        for (int i = 0; i < 1000; i++) {
            assertThat(manager.accessToken()).isEqualTo("access-1");
        }

        assertThat(time.reads()).isEqualTo(reads);
        assertThat(tokenRequests()).hasSize(1);
    }

    @Test
    void theAlarmAtTheRefreshTimeEndsItAndTheNextCallStartsTheRefresh() {
        passwordThenRefresh();
        TokenManager manager = withAlarm(Map.of());
        manager.accessToken();
        manager.accessToken();

        time.advance(Duration.ofSeconds(569));
        int reads = time.reads();
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(time.reads()).isEqualTo(reads);

        time.advance(Duration.ofSeconds(1));
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(time.reads()).isGreaterThan(reads);
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(bodies()).containsExactly(PASSWORD_BODY, REFRESH_1_BODY);

        assertThat(manager.accessToken()).isEqualTo("access-2");
        reads = time.reads();
        assertThat(manager.accessToken()).isEqualTo("access-2");
        assertThat(time.reads()).isEqualTo(reads);
    }

    @Test
    void aTokenTheApiRejectedIsNeverHandedOutAgainThoughItWasFresh() {
        passwordThenRefresh();
        TokenManager manager = withAlarm(Map.of());
        manager.accessToken();
        manager.accessToken();

        manager.invalidate("access-1");

        assertThat(manager.accessToken()).isEqualTo("access-2");
        assertThat(tokenRequests()).hasSize(2);
    }

    @Test
    void aTokenReplacedBeforeItsRefreshTimeLeavesTheAlarmOfItsSuccessorOnly() {
        passwordThenRefresh();
        TokenManager manager = withAlarm(Map.of());
        manager.accessToken();
        manager.accessToken();
        assertThat(alarm.pending()).isOne();

        manager.invalidate("access-1");
        manager.accessToken();
        manager.accessToken();

        assertThat(alarm.pending()).isOne();
    }

    @Test
    void aTokenTheApplicationForgotIsNeverHandedOutAgainThoughItWasFresh() {
        passwordThenRefresh();
        TokenManager manager = withAlarm(Map.of());
        manager.accessToken();
        manager.accessToken();

        manager.invalidate();

        assertThat(manager.accessToken()).isEqualTo("access-2");
    }

    @Test
    void aTokenRefreshedAtItsExpiryIsNeverFreshSoEveryCallReadsTheClock() {
        passwordThenRefresh();
        TokenManager manager = withAlarm(Map.of(TicketparkConfig.REFRESH_SKEW, "PT0S"));
        manager.accessToken();
        manager.accessToken();
        int reads = time.reads();

        for (int i = 0; i < 10; i++) {
            manager.accessToken();
        }

        assertThat(time.reads()).isGreaterThanOrEqualTo(reads + 10);
        assertThat(alarm.pending()).isZero();
    }

    @Test
    void aSkewTooShortForAnAlarmToRingInTimeIsNeverFresh() {
        passwordThenRefresh();
        TokenManager tooShort = withAlarm(Map.of(TicketparkConfig.REFRESH_SKEW, "PT0.099S"));
        tooShort.accessToken();
        tooShort.accessToken();
        int reads = time.reads();

        tooShort.accessToken();

        assertThat(time.reads()).isGreaterThan(reads);
    }

    @Test
    void theShortestSkewForWhichATokenIsFresh() {
        passwordThenRefresh();
        TokenManager shortest = withAlarm(Map.of(TicketparkConfig.REFRESH_SKEW, "PT0.1S"));
        shortest.accessToken();
        shortest.accessToken();
        int reads = time.reads();

        shortest.accessToken();

        assertThat(time.reads()).isEqualTo(reads);
    }

    /** The alarm rings each second and reads the clock, a second's worth of calls read none. */
    @Test
    void aFreshTokenIsCheckedAgainstTheClockEverySecond() {
        passwordThenRefresh();
        TokenManager manager = withAlarm(Map.of());
        manager.accessToken();
        manager.accessToken();
        int set = alarm.timesSet();

        for (int second = 0; second < 10; second++) {
            time.advance(Duration.ofSeconds(1));
            int reads = time.reads();
            assertThat(manager.accessToken()).isEqualTo("access-1");
            assertThat(time.reads()).isEqualTo(reads);
        }

        assertThat(alarm.timesSet()).isEqualTo(set + 10);
        assertThat(alarm.pending()).isOne();
    }

    /**
     * The alarm's thread paused between reading the clock and setting the alarm: longer than half the skew (15 s), the
     * alarm could ring after the expiry, and the token is not published; shorter, it is.
     */
    @Test
    void aPauseOfTheAlarmLongerThanHalfTheSkewPublishesNothing() {
        passwordThenRefresh();
        TokenManager manager = withAlarm(Map.of(), pausing(Duration.ofSeconds(16)), executor);
        manager.accessToken();
        manager.accessToken();
        int reads = time.reads();

        manager.accessToken();

        assertThat(time.reads()).isGreaterThan(reads);
    }

    @Test
    void aPauseOfTheAlarmShorterThanHalfTheSkewStillPublishes() {
        passwordThenRefresh();
        TokenManager manager = withAlarm(Map.of(), pausing(Duration.ofSeconds(14)), executor);
        manager.accessToken();
        manager.accessToken();
        int reads = time.reads();

        manager.accessToken();

        assertThat(time.reads()).isEqualTo(reads);
    }

    @Test
    void anAlarmThatCannotBeSetLeavesEveryCallReadingTheClock() {
        passwordThenRefresh();
        Alarm refusing = new Alarm() {

            @Override
            public Runnable set(Duration delay, Runnable ring) {
                throw new RejectedExecutionException("no thread");
            }

            @Override
            public void close() {
            }
        };
        TokenManager manager = withAlarm(Map.of(), refusing, executor);
        manager.accessToken();
        int reads = time.reads();

        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(manager.accessToken()).isEqualTo("access-1");

        assertThat(time.reads()).isGreaterThanOrEqualTo(reads + 2);
        time.advance(Duration.ofSeconds(570));
        assertThat(manager.accessToken()).isEqualTo("access-1");
        assertThat(executor.awaitIdle()).isTrue();
        assertThat(manager.accessToken()).isEqualTo("access-2");
    }

    @Test
    void closingTheManagerCancelsItsAlarm() {
        passwordThenRefresh();
        TokenManager manager = withAlarm(Map.of());
        manager.accessToken();
        manager.accessToken();
        assertThat(alarm.pending()).isOne();

        manager.close();

        assertThat(alarm.pending()).isZero();
    }

    @Test
    void oneAlarmPerTokenHoweverManyCalls() {
        passwordThenTwoRefreshes();
        TokenManager manager = withAlarm(Map.of());
        for (int expiry = 0; expiry < 2; expiry++) {
            for (int i = 0; i < 100; i++) {
                manager.accessToken();
            }
            time.advance(Duration.ofSeconds(570));
            manager.accessToken();
            assertThat(executor.awaitIdle()).isTrue();
        }

        // for each token: one to publish it, one for its refresh time
        assertThat(alarm.timesSet()).isEqualTo(4);
        assertThat(alarm.pending()).isZero();
    }

    /**
     * 8 callers in a loop while the clock moves in steps of 5 s (less than half the skew) through two refreshes: no
     * call that began after a token's expiry gets that token, one token request per token, and while a token is fresh
     * the calls read no clock. Each of the 113 steps from 5 s to 565 s begins with the alarm publishing access-1 again
     * (it rings at least every second), and of the 200 calls the step waits for, only those that began before it (one
     * per caller) may have read the clock. How many calls read it in the steps around a refresh depends on the
     * scheduler (the HTTP refresh competes for the 2 cores with the callers), so the test does not count those.
     */
    @Test
    void manyCallersNeverGetATokenAfterItsExpiry() throws Exception {
        passwordThenTwoRefreshes();
        ExecutorService background = Executors.newCachedThreadPool();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            TokenManager manager = withAlarm(Map.of(), alarm, background);
            Instant start = time.instant();
            manager.accessToken();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong calls = new AtomicLong();
            AtomicLong withoutClock = new AtomicLong();
            List<String> late = new CopyOnWriteArrayList<>();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                running.add(callers.submit(() -> {
                    while (!stop.get()) {
                        Instant began = time.unread();
                        int readsBefore = time.readsHere();
                        String token = manager.accessToken();
                        if (time.readsHere() == readsBefore) {
                            withoutClock.incrementAndGet();
                        }
                        calls.incrementAndGet();
                        // access-2 was requested by 600 s at the latest, so it expires by 1200 s
                        if (token.equals("access-1") && !began.isBefore(start.plusSeconds(600))
                                || token.equals("access-2") && !began.isBefore(start.plusSeconds(1200))) {
                            late.add(token + " at " + Duration.between(start, began));
                        }
                    }
                    return null;
                }));
            }
            for (int step = 0; step < 250; step++) {
                long before = calls.get();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (calls.get() < before + 200) {
                    assertThat(System.nanoTime()).isLessThan(end); // a guard against hanging, not a timing
                    Thread.onSpinWait();
                }
                time.advance(Duration.ofSeconds(5));
            }
            stop.set(true);
            for (Future<?> caller : running) {
                caller.get(10, TimeUnit.SECONDS);
            }

            assertThat(late).isEmpty();
            assertThat(bodies()).hasSize(3);
            assertThat(withoutClock.get()).isGreaterThanOrEqualTo(113L * (200 - 8));
        } finally {
            callers.shutdownNow();
            background.shutdownNow();
        }
    }

    /** Pauses the alarm's thread: the clock moves on as it sets an alarm with a delay, before the alarm is set. */
    private Alarm pausing(Duration pause) {
        return new Alarm() {

            @Override
            public Runnable set(Duration delay, Runnable ring) {
                if (!delay.isZero()) {
                    time.advance(pause);
                }
                return alarm.set(delay, ring);
            }

            @Override
            public void close() {
                alarm.close();
            }
        };
    }

    /** Counts its readings. */
    private static final class CountingClock extends MutableClock {

        private final AtomicInteger reads = new AtomicInteger();
        private final ThreadLocal<int[]> readsHere = ThreadLocal.withInitial(() -> new int[1]);

        int reads() {
            return reads.get();
        }

        /** How many times this thread read the clock. */
        int readsHere() {
            return readsHere.get()[0];
        }

        /** The time, not counted: the test's own reading. */
        Instant unread() {
            return super.instant();
        }

        @Override
        public Instant instant() {
            reads.incrementAndGet();
            readsHere.get()[0]++;
            return super.instant();
        }
    }
}
