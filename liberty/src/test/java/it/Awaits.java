package it;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for something that happens on another thread; a bound against hanging, not a timing. */
public final class Awaits {

    private static final long LIMIT_SECONDS = 10;

    private Awaits() {
    }

    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, TimeUnit.SECONDS.toMillis(LIMIT_SECONDS), condition);
    }

    /** Waits at most {@code limitMillis}, for what takes longer than {@value #LIMIT_SECONDS} s by design. */
    public static void until(String what, long limitMillis, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("Not within " + limitMillis + " ms: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
