package ch.ticketpark.client.internal.resilience;

import java.time.Duration;
import java.util.Comparator;
import java.util.function.BinaryOperator;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1, 2, …) wait a random time between zero and
 * {@code min(max, initial * 2^(n-1))}, so that many clients that failed together do not retry together.
 *
 * @param initial the ceiling of the first delay
 * @param max the ceiling of every delay
 * @param random a source of numbers in {@code [0, 1)}
 */
public record Backoff(Duration initial, Duration max, DoubleSupplier random) {

    private static final BinaryOperator<Duration> SHORTER = BinaryOperator.minBy(Comparator.naturalOrder());

    /** The ceiling before retry {@code n}, without jitter. */
    public Duration ceiling(int n) {
        int doublings = Math.min(n - 1, 30);
        Duration ceiling = initial.multipliedBy(1L << doublings);
        return ceiling.isNegative() ? max : SHORTER.apply(ceiling, max);
    }

    public Duration delay(int n) {
        return Duration.ofNanos((long) (ceiling(n).toNanos() * random.getAsDouble()));
    }
}
