package ch.ticketpark.client.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountLockTest {

    @TempDir
    Path directory;

    private AccountLock lock() {
        return new AccountLock(directory.resolve("tokens.properties.lock"));
    }

    private Optional<AccountLock.Held> fromAnotherThread(Duration wait) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return lock().tryAcquire(wait);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(20, TimeUnit.SECONDS);
    }

    @Test
    void anotherThreadWaitsForAllOfItsWaitInVainWhileTheLockIsHeld() throws Exception {
        AccountLock.Held held = lock().tryAcquire(Duration.ZERO).orElseThrow();
        try {
            long start = System.nanoTime();

            assertThat(fromAnotherThread(Duration.ofMillis(150))).isEmpty();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        } finally {
            held.close();
        }
        assertThat(fromAnotherThread(Duration.ZERO)).hasValueSatisfying(AccountLock.Held::close);
    }

    @Test
    void aLockReleasedByAnotherThreadIsFreeAndClosingTwiceDoesNoHarm() throws Exception {
        AccountLock.Held held = lock().tryAcquire(Duration.ZERO).orElseThrow();

        CompletableFuture.runAsync(held::close).get(20, TimeUnit.SECONDS);
        held.close();

        AccountLock.Held again = lock().tryAcquire(Duration.ZERO).orElseThrow();
        try {
            assertThat(fromAnotherThread(Duration.ZERO)).as("held again").isEmpty();
        } finally {
            again.close();
        }
    }

    @Test
    void theHoldingThreadAskingAgainIsAMistakeNotAWait() throws Exception {
        AccountLock.Held held = lock().tryAcquire(Duration.ZERO).orElseThrow();
        try {
            assertThatIllegalStateException().isThrownBy(() -> lock().tryAcquire(Duration.ofSeconds(10)))
                    .withMessage("This thread holds the lock " + lock().path() + " already: it stores through the "
                            + "claim it holds");
        } finally {
            held.close();
        }
    }

    @Test
    void anInterruptedWaitThrowsAndHoldsNothing() throws Exception {
        AccountLock.Held held = lock().tryAcquire(Duration.ZERO).orElseThrow();
        try {
            CompletableFuture<Class<?>> interrupted = CompletableFuture.supplyAsync(() -> {
                Thread.currentThread().interrupt();
                try {
                    lock().tryAcquire(Duration.ofSeconds(10));
                    return null;
                } catch (Exception e) {
                    return e.getClass();
                } finally {
                    Thread.interrupted();
                }
            });

            assertThat(interrupted.get(20, TimeUnit.SECONDS)).isEqualTo(InterruptedException.class);
        } finally {
            held.close();
        }
        assertThat(fromAnotherThread(Duration.ZERO)).hasValueSatisfying(AccountLock.Held::close);
    }

    @Test
    void aNegativeOrHugeWaitIsNoWaitOrALongOne() throws Exception {
        AccountLock.Held held = lock().tryAcquire(Duration.ofSeconds(-5)).orElseThrow();
        try {
            assertThat(fromAnotherThread(Duration.ofSeconds(-5))).isEmpty();
        } finally {
            held.close();
        }
        Optional<AccountLock.Held> huge = lock().tryAcquire(Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(huge).hasValueSatisfying(AccountLock.Held::close);
    }
}
