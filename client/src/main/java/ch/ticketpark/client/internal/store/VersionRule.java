package ch.ticketpark.client.internal.store;

import java.util.Objects;

import ch.ticketpark.client.spi.StoredTokens;

/**
 * The one rule by which every built-in store accepts a compare-and-set: the new state's version is exactly one more
 * than the expected one. A call that breaks it is a programming error, not a lost race, so it throws (before the store
 * is read) instead of answering {@code false}, which would send its caller reading and retrying for ever.
 */
final class VersionRule {

    private VersionRule() {
    }

    /**
     * @throws NullPointerException if {@code next} is missing
     * @throws IllegalArgumentException if {@code expectedVersion} is negative or {@code next}'s version is not
     *         {@code expectedVersion + 1} (the message names both versions: they are no secret)
     */
    static void check(long expectedVersion, StoredTokens next) {
        Objects.requireNonNull(next, "next");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must be 0 (nothing stored) or more, not "
                    + expectedVersion);
        }
        if (next.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("the next state's version must be expectedVersion + 1 = "
                    + (expectedVersion + 1) + ", not " + next.version());
        }
    }

    /** The version of a stored state, {@code 0} for none. */
    static long versionOf(StoredTokens stored) {
        return stored == null ? 0 : stored.version();
    }
}
