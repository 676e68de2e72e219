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
        try (AccountLock.Held held = lock().tryAcquire(Duration.ZERO).orElseThrow()) {
            long start = System.nanoTime();

            assertThat(fromAnotherThread(Duration.ofMillis(150))).isEmpty();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }
        assertThat(fromAnotherThread(Duration.ZERO)).hasValueSatisfying(AccountLock.Held::close);
    }

    @Test
    void aLockReleasedByAnotherThreadIsFreeAndClosingTwiceDoesNoHarm() throws Exception {
        AccountLock.Held held = lock().tryAcquire(Duration.ZERO).orElseThrow();

        CompletableFuture.runAsync(held::close).get(20, TimeUnit.SECONDS);
        held.close();

        try (AccountLock.Held again = lock().tryAcquire(Duration.ZERO).orElseThrow()) {
            assertThat(fromAnotherThread(Duration.ZERO)).as("held again").isEmpty();
        }
    }

    @Test
    void theHoldingThreadAskingAgainIsAMistakeNotAWait() throws Exception {
        try (AccountLock.Held held = lock().tryAcquire(Duration.ZERO).orElseThrow()) {
            assertThatIllegalStateException().isThrownBy(() -> lock().tryAcquire(Duration.ofSeconds(10)))
                    .withMessage("This thread holds the lock " + lock().path() + " already: it stores through the "
                            + "claim it holds");
        }
    }

    @Test
    void anInterruptedWaitThrowsAndHoldsNothing() throws Exception {
        try (AccountLock.Held held = lock().tryAcquire(Duration.ZERO).orElseThrow()) {
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
        }
        assertThat(fromAnotherThread(Duration.ZERO)).hasValueSatisfying(AccountLock.Held::close);
    }

    @Test
    void aNegativeOrHugeWaitIsNoWaitOrALongOne() throws Exception {
        try (AccountLock.Held held = lock().tryAcquire(Duration.ofSeconds(-5)).orElseThrow()) {
            assertThat(fromAnotherThread(Duration.ofSeconds(-5))).isEmpty();
        }
        try (AccountLock.Held held = lock().tryAcquire(Duration.ofSeconds(Long.MAX_VALUE)).orElseThrow()) {
            assertThat(held).isNotNull();
        }
    }
}
