package ch.ticketpark.client.internal.token;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one token request in flight: its outcome, its deadline and how far it got. A request that has sent nothing
 * yet, or that is past its deadline, can be abandoned: its outcome then fails at once (its waiters move on to the
 * request that replaces it), and it sends nothing more. Thread-safe.
 */
final class InFlightRequest {

    private enum Phase {
        /** Created, not running yet (a background request waiting for a thread). */
        NEW,
        /** Running, between attempts. */
        RUNNING,
        /** An attempt is on its way to the endpoint. */
        SENDING, ABANDONED
    }

    private final CompletableFuture<Token> outcome = new CompletableFuture<>();
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.NEW);
    private final long number;
    private final Instant deadline;
    private final boolean background;
    private final boolean reissue;

    /**
     * @param number its number: requests are numbered as they are created
     * @param deadline when it must have ended: the first caller's wait bound
     * @param background whether it refreshes ahead of expiry, on a thread of its own, with nobody waiting
     * @param reissue whether it replaces a token the API rejected
     */
    InFlightRequest(long number, Instant deadline, boolean background, boolean reissue) {
        this.number = number;
        this.deadline = deadline;
        this.background = background;
        this.reissue = reissue;
    }

    CompletableFuture<Token> outcome() {
        return outcome;
    }

    long number() {
        return number;
    }

    Instant deadline() {
        return deadline;
    }

    boolean isBackground() {
        return background;
    }

    boolean isReissue() {
        return reissue;
    }

    /** @return whether it may run: false if it was abandoned before it started */
    boolean start() {
        return phase.compareAndSet(Phase.NEW, Phase.RUNNING);
    }

    /** @return whether an attempt may go out now: false once abandoned */
    boolean sending() {
        return phase.compareAndSet(Phase.RUNNING, Phase.SENDING);
    }

    /** The attempt has ended, or its caller stopped waiting for it. */
    void sent() {
        phase.compareAndSet(Phase.SENDING, Phase.RUNNING);
    }

    boolean isAbandoned() {
        return phase.get() == Phase.ABANDONED;
    }

    /**
     * Abandons it if it has no attempt on its way, or if it is past its deadline.
     *
     * @return whether it is abandoned now
     */
    boolean abandon(Instant now, RuntimeException why) {
        while (true) {
            Phase current = phase.get();
            if (current == Phase.ABANDONED) {
                return true;
            }
            if (current == Phase.SENDING && !isOverdue(now)) {
                return false;
            }
            if (phase.compareAndSet(current, Phase.ABANDONED)) {
                outcome.completeExceptionally(why);
                return true;
            }
        }
    }

    /** Whether it has sent nothing yet and nothing is on its way: replacing it cannot use a refresh token twice. */
    boolean isIdle() {
        Phase current = phase.get();
        return current == Phase.NEW || current == Phase.RUNNING;
    }

    boolean isOverdue(Instant now) {
        return now.isAfter(deadline);
    }

    @Override
    public String toString() {
        return "InFlightRequest[" + phase.get() + ", deadline=" + deadline + (background ? ", background" : "")
                + (reissue ? ", reissue" : "") + "]";
    }
}
