package ch.ticketpark.client.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.internal.observe.TokenObserver;
import ch.ticketpark.client.support.MapConfig;
import ch.ticketpark.client.support.MutableClock;

/**
 * Review of the fast path (a fresh token handed out without reading the clock): interleavings of the alarm's thread
 * with the callers and with {@code close()}, and the alarm's time against the manager's clock. Tokens of 600 s, a skew
 * of 30 s.
 */
class TokenManagerFreshTokenReviewTest extends TokenManagerTestSupport {

    private final SuspendableClock time = new SuspendableClock();
    private final ManualAlarm alarm = new ManualAlarm(time);

    private TokenManager withAlarm(Alarm alarm) {
        return closing(new TokenManager(MapConfig.load(server.baseUrl(), Map.of()), time, executor, alarm, sleeper,
                () -> 1.0, TokenManager.NO_STORE, TokenObserver.NONE));
    }

    /**
     * The real alarm counts the JVM's elapsed time (System.nanoTime, CLOCK_MONOTONIC), which stands still while the
     * machine is suspended, and which OpenJ9's CRIU support (Open Liberty InstantOn) deliberately makes skip the time
     * between checkpoint and restore; the token's expiry is on the wall clock, which moves on. Here: the wall clock
     * moves 2 h while the alarm's time does not. The alarm rings within a second of elapsed time however far the
     * refresh time is, and the ring reads the wall clock: from then on the expired token is not handed out.
     */
    @Test
    void aTokenIsNotHandedOutMoreThanASecondAfterTheMachineWasResumedPastItsExpiry() {
        passwordThenRefresh();
        TokenManager manager = withAlarm(alarm);
        manager.accessToken();
        assertThat(manager.accessToken()).isEqualTo("access-1"); // published as fresh

        time.suspend(Duration.ofHours(2)); // access-1 expired 110 minutes ago by the manager's clock
        time.advance(Duration.ofSeconds(1)); // of elapsed time too

        assertThat(manager.accessToken()).isEqualTo("access-2");
    }

    /**
     * close() on another thread (the CDI disposal) while the alarm's thread publishes: after alarm.set returned and
     * before {@code fresh = current}. close() sets {@code fresh = null} and shuts the alarm down; the publish then sets
     * it, and no ring will ever end it: the token is handed out without a look at the clock forever, past its expiry.
     */
    @Test
    void aPublishRacingCloseLeavesNoTokenHandedOutAfterItsExpiry() {
        passwordThenRefresh();
        AtomicReference<TokenManager> made = new AtomicReference<>();
        AtomicBoolean closeNow = new AtomicBoolean();
        // as if on the disposing thread, right after the alarm was set
        TokenManager manager = withAlarm(racing(closeNow, () -> made.get().close()));
        made.set(manager);
        manager.accessToken();
        closeNow.set(true);
        manager.accessToken(); // publishes, racing close()

        time.advance(Duration.ofSeconds(601)); // access-1 expired

        String handed;
        try {
            handed = manager.accessToken();
        } catch (RuntimeException closed) {
            handed = null;
        }
        assertThat(handed).isNotEqualTo("access-1");
    }

    /**
     * Held up (and not covered before: {@code closingTheManagerCancelsItsAlarm} counts pending alarms only, so a close()
     * that no longer ended {@code fresh} would pass it): after close(), a token is not handed out past its expiry.
     */
    @Test
    void afterCloseNoTokenIsHandedOutPastItsExpiry() {
        passwordThenRefresh();
        TokenManager manager = withAlarm(alarm);
        manager.accessToken();
        manager.accessToken(); // published as fresh

        manager.close();
        time.advance(Duration.ofSeconds(601));

        String handed;
        try {
            handed = manager.accessToken();
        } catch (RuntimeException closed) {
            handed = null;
        }
        assertThat(handed).isNotEqualTo("access-1");
    }

    /** Held up: the publish runs (asynchronously, as on the real alarm's thread) after a 401 replaced the state. */
    @Test
    void aPublishQueuedBeforeARejectionPublishesNothing() {
        passwordThenRefresh();
        List<Runnable> queued = new ArrayList<>();
        Alarm deferring = new Alarm() {

            @Override
            public Runnable set(Duration delay, Runnable ring) {
                if (delay.isZero()) {
                    queued.add(ring);
                    return () -> {
                    };
                }
                return alarm.set(delay, ring);
            }

            @Override
            public void close() {
                alarm.close();
            }
        };
        TokenManager manager = withAlarm(deferring);
        manager.accessToken();
        manager.accessToken(); // asks for the publish
        assertThat(queued).hasSize(1);

        manager.invalidate("access-1");
        queued.forEach(Runnable::run);

        assertThat(manager.accessToken()).isEqualTo("access-2");
        assertThat(manager.accessToken()).isEqualTo("access-2");
    }

    /** Held up: the state is replaced after the publish checked it and before it sets fresh. */
    @Test
    void aRejectionBetweenThePublishCheckAndItsWriteIsSeenByTheNextCall() {
        passwordThenRefresh();
        AtomicReference<TokenManager> made = new AtomicReference<>();
        AtomicBoolean rejectNow = new AtomicBoolean();
        TokenManager manager = withAlarm(racing(rejectNow, () -> made.get().invalidate("access-1")));
        made.set(manager);
        manager.accessToken();
        rejectNow.set(true);
        manager.accessToken(); // publishes access-1's state, which the 401 replaces meanwhile

        assertThat(manager.accessToken()).isEqualTo("access-2");
    }

    /** The manual alarm, and once {@code armed}, right after it set an alarm with a delay: {@code meanwhile}. */
    private Alarm racing(AtomicBoolean armed, Runnable meanwhile) {
        return new Alarm() {

            @Override
            public Runnable set(Duration delay, Runnable ring) {
                Runnable cancel = alarm.set(delay, ring);
                if (!delay.isZero() && armed.getAndSet(false)) {
                    meanwhile.run();
                }
                return cancel;
            }

            @Override
            public void close() {
                alarm.close();
            }
        };
    }

    /** A clock whose time can also move without telling its listeners: the machine suspended, or restored. */
    private static final class SuspendableClock extends MutableClock {

        private volatile Duration suspended = Duration.ZERO;

        void suspend(Duration duration) {
            suspended = suspended.plus(duration);
        }

        @Override
        public Instant instant() {
            return super.instant().plus(suspended);
        }
    }
}
