package ch.ticketpark.client.internal.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.exception.TokenEndpointCircuitOpenException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.exception.TokenReissueDeferredException;
import ch.ticketpark.client.exception.TokenRequestException;
import ch.ticketpark.client.internal.Messages;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.observe.Observers;
import ch.ticketpark.client.internal.observe.TokenEvents;
import ch.ticketpark.client.internal.observe.TokenHistory;
import ch.ticketpark.client.internal.observe.TokenObserver;
import ch.ticketpark.client.internal.resilience.Backoff;
import ch.ticketpark.client.internal.resilience.CircuitBreaker;
import ch.ticketpark.client.internal.resilience.Sleeper;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;
import ch.ticketpark.client.status.CircuitClosed;
import ch.ticketpark.client.status.TokenProblem;
import ch.ticketpark.client.status.TokenRequestFailed;
import ch.ticketpark.client.status.TokenStatus;

/**
 * Owns the token lifecycle: who may send a token request, who waits for it, and when it is given up.
 * <p>
 * Concurrency strategy: everything known of the token chain is one immutable {@link TokenState} behind an
 * {@link AtomicReference}, replaced by compare-and-set; at most one {@link InFlightRequest} runs, published by
 * compare-and-set. A caller with a usable token reads the state and returns, taking no lock; until the token is due
 * for refresh, it does not even read the clock: the {@link Alarm}'s one thread publishes the state as fresh once per
 * token and ends that at the token's refresh time. Inside the refresh window a caller also hands one background refresh
 * to the executor, never running it itself. A caller without a usable token
 * joins the request in flight or, if there is none, runs one in its own thread (so it never depends on a free
 * executor thread); it waits at most {@code ticketpark.token-wait-timeout} from the moment it asked. A request that
 * has sent nothing yet (a background refresh still waiting for a thread), or that is past its deadline, is abandoned
 * and replaced by the next caller. What a request does, and how its answers reach the state, is {@link TokenChain}'s.
 * <p>
 * The API's rejections (HTTP 401) are {@link #invalidate(String) reported here}: the rejected token is never handed
 * out again, nor any token requested before the rejection, and a reissued token that is rejected before the API
 * {@link #accepted(String) accepted} it once is not replaced before {@code ticketpark.token-reissue-interval} has
 * passed.
 */
public final class TokenManager implements TicketparkTokens, TokenFeedback, AutoCloseable {

    /** Refresh tokens in memory only. */
    public static final TokenStore NO_STORE = new TokenStore() {

        @Override
        public Optional<StoredTokens> load() {
            return Optional.empty();
        }

        @Override
        public boolean compareAndSet(long expectedVersion, StoredTokens next) {
            return true;
        }
    };

    private static final Logger LOG = Logger.getLogger(TokenManager.class.getName());
    /** How long a fresh token is handed out, at most, before the wall clock is read again. */
    static final Duration LONGEST_RING = Duration.ofSeconds(1);
    /** Half the shortest skew with which a token is published as fresh: an alarm may ring this late. */
    static final Duration SHORTEST_MARGIN = Duration.ofMillis(50);

    private final TicketparkConfig config;
    private final Clock clock;
    private final Executor executor;
    private final CircuitBreaker breaker;
    private final TokenChain chain;
    private final AtomicReference<TokenState> state;
    private final AtomicReference<InFlightRequest> inFlight = new AtomicReference<>();
    /** The number of the last token request created. */
    private final AtomicLong requests = new AtomicLong();
    private final TokenHistory history = new TokenHistory();
    /** Whether a look into the store for a dead chain, started by a status reading, has not ended. */
    private final AtomicBoolean revivalPending = new AtomicBoolean();
    private final TokenObserver observer;
    /** Rings when the token that calls hand out without reading the clock becomes due; {@code null} for none. */
    private final Alarm alarm;
    /**
     * The state whose token calls hand out without reading the clock, while it is the current state, until the alarm
     * set for its refresh time rings; {@code null} when there is none. Written on the alarm's thread only.
     */
    private volatile TokenState fresh;
    /** The last state the alarm's thread was asked to publish as {@link #fresh}. */
    private final AtomicReference<TokenState> freshAsked = new AtomicReference<>();
    /** Cancels the alarm set for {@link #fresh}; on the alarm's thread only. */
    private Runnable endFresh;
    private volatile boolean closed;

    /** Without an observer but its own history; see {@link #TokenManager(TicketparkConfig, Clock, Executor, TokenStore, TokenObserver)}. */
    public TokenManager(TicketparkConfig config, Clock clock, Executor executor, TokenStore store) {
        this(config, clock, executor, store, TokenObserver.NONE);
    }

    /** Without an alarm: the clock is read on every call; see {@link #TokenManager(TicketparkConfig, Clock, Executor, Alarm, TokenStore, TokenObserver)}. */
    public TokenManager(TicketparkConfig config, Clock clock, Executor executor, TokenStore store,
            TokenObserver observer) {
        this(config, clock, executor, null, store, observer);
    }

    /**
     * @param executor runs the background refreshes and each attempt of a token request (so that an attempt can be
     *        bounded as a whole); its threads are never the callers'
     * @param alarm rings when a token becomes due for refresh, so that until then a call hands it out without reading
     *        the clock; only with the system's clock ({@code null} for none: the clock is read on every call)
     * @param store keeps the newest refresh token across restarts ({@link #NO_STORE} for none)
     * @param observer hears what the lifecycle does, after the manager's own history (the events, the telemetry)
     */
    public TokenManager(TicketparkConfig config, Clock clock, Executor executor, Alarm alarm, TokenStore store,
            TokenObserver observer) {
        this(config, clock, executor, alarm, Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble(), store,
                observer);
    }

    /** The same, with how to pause between attempts and where the backoff's jitter comes from (tests fix both). */
    TokenManager(TicketparkConfig config, Clock clock, Executor executor, Sleeper sleeper, DoubleSupplier random,
            TokenStore store) {
        this(config, clock, executor, null, sleeper, random, store, TokenObserver.NONE);
    }

    TokenManager(TicketparkConfig config, Clock clock, Executor executor, Alarm alarm, Sleeper sleeper,
            DoubleSupplier random, TokenStore store, TokenObserver observer) {
        this.config = config.withoutSecrets();
        this.clock = clock;
        this.executor = executor;
        this.alarm = alarm;
        this.observer = Observers.of(history, observer);
        Backoff backoff = new Backoff(config.tokenRetryInitialDelay(), config.tokenRetryMaxDelay(), random);
        this.breaker = new CircuitBreaker(config.circuitBreakerFailures(), config.circuitBreakerDelay(), backoff);
        this.state = new AtomicReference<>(TokenState.initial(config.refreshToken().orElse(null)));
        this.chain = new TokenChain(config, clock, executor, sleeper, backoff, store, state, this.observer);
    }

    @Override
    public String accessToken() {
        TokenState current = state.get();
        if (current == fresh) {
            return current.token().accessToken();
        }
        Instant now = clock.instant();
        current = state.get();
        Token token = current.usable(now);
        if (token != null) {
            if (token.isDueForRefresh(now)) {
                if (chain.canRefresh(current)) {
                    refreshInBackground(now);
                }
            } else if (current.saveRetryAt() == null) {
                keepFresh(current);
            }
            if (current.saveRetryAt() != null && !now.isBefore(current.saveRetryAt())) {
                chain.retrySave(current, now);
            }
            return token.accessToken();
        }
        return awaitToken(now);
    }

    /**
     * Asks the alarm's thread to let calls hand out this state's token without reading the clock, unless it was asked
     * for this state already.
     */
    private void keepFresh(TokenState current) {
        TokenState asked = freshAsked.get();
        if (alarm == null || closed || asked == current || !freshAsked.compareAndSet(asked, current)) {
            return;
        }
        try {
            alarm.set(Duration.ZERO, () -> publishFresh(current));
        } catch (RuntimeException | Error e) {
            // no thread: this caller holds a valid token and gets it; calls on this state read the clock
            LOG.fine(() -> Messages.noThread(e));
        }
    }

    /**
     * On the alarm's thread, which writes {@link #fresh} (only {@link #close()} clears it elsewhere). Published before
     * the alarm is set, so that no ring can come before it; the alarm rings at the token's refresh time, or within
     * {@link #LONGEST_RING} (then it publishes the same again): the wall clock, which the token's times are on, may
     * have jumped meanwhile (a machine suspended, a checkpoint restored) where the alarm's elapsed time did not. Not
     * published: a token whose skew is too short for an alarm to ring in time ({@link #SHORTEST_MARGIN}, twice), nor
     * one after a pause of this thread longer than half its skew. Calls on a state that is not published read the
     * clock.
     */
    private void publishFresh(TokenState current) {
        Token token = current.token();
        Instant before = clock.instant();
        Duration margin = Duration.between(token.refreshAt(), token.expiresAt()).dividedBy(2);
        if (closed || state.get() != current || !before.isBefore(token.refreshAt())
                || margin.compareTo(SHORTEST_MARGIN) < 0) {
            return;
        }
        if (endFresh != null) {
            endFresh.run();
            endFresh = null;
        }
        Duration untilDue = Duration.between(before, token.refreshAt());
        fresh = current;
        try {
            endFresh = alarm.set(untilDue.compareTo(LONGEST_RING) > 0 ? LONGEST_RING : untilDue, () -> {
                if (fresh == current) {
                    fresh = null;
                    publishFresh(current);
                }
            });
        } catch (RuntimeException | Error e) {
            fresh = null;
            LOG.fine(() -> Messages.noThread(e)); // calls read the clock, as without an alarm
            return;
        }
        if (closed || Duration.between(before, clock.instant()).compareTo(margin) > 0) {
            fresh = null; // closed meanwhile: close() may have ended it before this wrote it, and no alarm rings now
        }
    }

    @Override
    public void invalidate() {
        state.updateAndGet(TokenState::withTokenForgotten);
    }

    @Override
    public void invalidate(String accessToken) {
        Instant now = clock.instant();
        state.updateAndGet(current -> {
            Token token = current.token();
            if (token == null || token.rejected() || !token.accessToken().equals(accessToken)) {
                // a token that a request replaced meanwhile stays: it is newer than the one the caller saw
                return current;
            }
            Instant notBefore = token.reissue() ? token.sentAt().plus(config.tokenReissueInterval()) : now;
            return current.withTokenRejected(requests.get() + 1, notBefore);
        });
    }

    @Override
    public void accepted(String accessToken) {
        Token token = state.get().token();
        if (token != null && token.reissue() && !token.rejected() && token.accessToken().equals(accessToken)) {
            state.updateAndGet(current -> current.token() == token ? current.withToken(token.asAccepted()) : current);
        }
    }

    @Override
    public void rejected() {
        observer.tokenRejected();
    }

    /** Starts one refresh ahead of expiry on the executor, unless one runs or the breaker paces them. */
    private void refreshInBackground(Instant now) {
        if (inFlight.get() != null || !breaker.allowsBackgroundRefresh(now)) {
            return;
        }
        InFlightRequest mine = new InFlightRequest(requests.incrementAndGet(), now.plus(config.tokenWaitTimeout()),
                true,
                false);
        if (!inFlight.compareAndSet(null, mine)) {
            return;
        }
        // a request may have ended since the caller looked
        Token token = state.get().usable(clock.instant());
        if (token == null || !token.isDueForRefresh(now)) {
            end(mine);
            mine.outcome().complete(token);
            return;
        }
        try {
            executor.execute(() -> run(mine));
            observer.refreshAheadStarted();
        } catch (RuntimeException | Error e) {
            // rejected, shut down, out of threads: never run it on this caller, which holds a valid token
            end(mine);
            mine.abandon(now, new TokenEndpointUnavailableException(Messages.noThread(e), e));
            breaker.deferBackground(now);
            LOG.warning(Messages.noThread(e));
        }
    }

    /** The loop of a caller without a usable token: join the request in flight, replace it, or run one itself. */
    private String awaitToken(Instant asked) {
        Duration waitTimeout = config.tokenWaitTimeout();
        long waitEnd = System.nanoTime() + waitTimeout.toNanos();
        Instant deadline = asked.plus(waitTimeout);
        while (true) {
            Instant now = clock.instant();
            TokenState current = state.get();
            Token token = current.usable(now);
            if (token != null) {
                return token.accessToken();
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new TokenEndpointUnavailableException(Messages.interrupted(), 0);
            }
            failIfNoRequestMayGoOut(current, now);
            InFlightRequest running = inFlight.get();
            if (running == null) {
                // a token the API rejected, or one requested before a rejection, is being replaced: a reissue
                boolean reissue = current.token() != null
                        && (current.token().rejected() || current.token().request() < current.staleBelow());
                InFlightRequest mine = new InFlightRequest(requests.incrementAndGet(), deadline, false, reissue);
                if (inFlight.compareAndSet(null, mine)) {
                    // a request may have ended since this caller looked: no second rotation for nothing
                    Token ended = state.get().usable(clock.instant());
                    if (ended != null) {
                        end(mine);
                        mine.outcome().complete(ended);
                        return ended.accessToken();
                    }
                    run(mine);
                    Token obtained = ownOutcome(mine);
                    if (obtained != null) {
                        return obtained.accessToken();
                    }
                }
            } else if (running.isBackground() && running.isIdle() || running.isOverdue(now)) {
                if (running.abandon(now, new TokenEndpointUnavailableException(
                        Messages.abandoned(running.deadline()), 0))) {
                    inFlight.compareAndSet(running, null);
                    LOG.fine(() -> Messages.abandoned(running.deadline()));
                }
            } else {
                Token obtained = unlessStale(outcome(running, waitEnd, waitTimeout));
                if (obtained != null) {
                    return obtained.accessToken();
                }
            }
        }
    }

    private void failIfNoRequestMayGoOut(TokenState current, Instant now) {
        if (current.dead() != null && !chain.mayRevive(now)) {
            throw CallerFailures.forCaller(current.dead());
        }
        if (current.reissueDeferred(now)) {
            throw new TokenReissueDeferredException(
                    Messages.reissueDeferred(current.token().sentAt(), current.reissueNotBefore()),
                    current.reissueNotBefore());
        }
        TokenEndpointCircuitOpenException open = breaker.rejection(now);
        if (open != null) {
            throw CallerFailures.forCaller(open);
        }
    }

    /**
     * Waits for a request's outcome, within the caller's own bound and the request's deadline.
     *
     * @return the token it obtained, or {@code null} to look again (it was abandoned, or its deadline passed)
     */
    private Token outcome(InFlightRequest request, long waitEnd, Duration waitTimeout) {
        long left = waitEnd - System.nanoTime();
        if (left <= 0) {
            throw new TokenEndpointUnavailableException(Messages.waitTimedOut(waitTimeout), 0);
        }
        Duration untilDeadline = Duration.between(clock.instant(), request.deadline());
        long wait = Math.min(left, Math.max(0, untilDeadline.toNanos()) + TimeUnit.MILLISECONDS.toNanos(1));
        try {
            return request.outcome().get(wait, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (request.isAbandoned()) {
                return null;
            }
            throw CallerFailures.forCaller(e.getCause());
        } catch (TimeoutException e) {
            if (System.nanoTime() - waitEnd >= 0) {
                throw new TokenEndpointUnavailableException(Messages.waitTimedOut(waitTimeout), e);
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenEndpointUnavailableException(Messages.interrupted(), e);
        }
    }

    /**
     * The outcome of the request this caller ran itself: its failure was made in this thread for this caller, and is
     * thrown as it is.
     *
     * @return the token, or {@code null} to look again (it was abandoned meanwhile)
     */
    private Token ownOutcome(InFlightRequest request) {
        try {
            return unlessStale(request.outcome().getNow(null));
        } catch (CompletionException e) {
            if (request.isAbandoned() && !Thread.currentThread().isInterrupted()) {
                return null;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw CallerFailures.forCaller(e.getCause());
        }
    }

    /**
     * The token, unless the API rejected a token while it was requested: then it may be revoked too, and the caller
     * asks anew.
     */
    private Token unlessStale(Token token) {
        return token != null && token.request() >= state.get().staleBelow() ? token : null;
    }

    /** Runs a request to its end, in whichever thread: its outcome is complete afterwards. */
    private void run(InFlightRequest request) {
        if (!request.start()) {
            return;
        }
        boolean probe = breaker.isProbe(clock.instant());
        try {
            Token token = chain.obtain(request, probe);
            int closedAfter = breaker.succeeded();
            end(request);
            request.outcome().complete(token);
            if (closedAfter > 0) {
                observer.circuitClosed(new CircuitClosed(clock.instant(), closedAfter));
            }
        } catch (Throwable e) {
            boolean tokenValid = state.get().usable(clock.instant()) != null;
            boolean interrupted = Thread.currentThread().isInterrupted();
            TokenEndpointCircuitOpenException opened = null;
            if (e instanceof TokenRequestException failure && !chain.isTerminal(failure) && !request.isAbandoned()
                    && !interrupted) {
                opened = breaker.failed(failure, clock.instant(), !tokenValid);
            }
            end(request);
            if (interrupted) {
                // the owner's interrupt is not its joiners': they look again, and one of them asks anew
                request.abandon(clock.instant(), new TokenEndpointUnavailableException(Messages.interrupted(), e));
            }
            request.outcome().completeExceptionally(e);
            if (opened != null) {
                observer.circuitOpened(TokenEvents.circuitOpened(clock.instant(), opened));
            }
            if (tokenValid && request.isBackground() && !chain.isTerminal(e)) {
                LOG.log(Level.WARNING, Messages.backgroundRefreshFailed(e));
            }
        }
    }

    /**
     * Reads the status: the chain's state, the breaker and the history, without a token request and without a lock.
     * A problem is reported only while it keeps calls from being served, or the chain from surviving a restart, and
     * each clears without a call (an application that is not ready gets none): a rejection of the client credentials
     * counts for one breaker delay; a dead chain looks in the store for a new start, paced, and a due save is retried,
     * both on the executor, as a call would.
     */
    @Override
    public TokenStatus status() {
        Instant now = clock.instant();
        TokenState current = state.get();
        Token token = current.usable(now);
        TokenHistory.Snapshot past = history.snapshot();
        TokenEndpointCircuitOpenException open = breaker.rejection(now);
        recoverWithoutACall(current, now);
        List<TokenProblem> problems = new ArrayList<>();
        if (current.dead() != null) {
            problems.add(problem(TokenProblem.Kind.REFRESH_TOKEN_CHAIN_ENDED, current.dead().getMessage()));
        }
        TokenRequestFailed rejected = past.clientRejected();
        if (rejected != null && token == null
                && now.isBefore(rejected.failedAt().plus(config.circuitBreakerDelay()))) {
            problems.add(problem(TokenProblem.Kind.CLIENT_REJECTED, rejected.reason()));
        }
        if (open != null && token == null) {
            problems.add(problem(TokenProblem.Kind.CIRCUIT_OPEN, open.getMessage()));
        }
        String saveFailure = chain.lastSaveFailure();
        if (current.saveRetryAt() != null && saveFailure != null) {
            problems.add(problem(TokenProblem.Kind.STORE_SAVE_FAILING, saveFailure));
        }
        TokenStatus.State held = token != null
                ? TokenStatus.State.VALID
                : requests.get() == 0 ? TokenStatus.State.NOT_REQUESTED : TokenStatus.State.NONE;
        return new TokenStatus(now, held, Optional.ofNullable(token).map(Token::expiresAt),
                Optional.ofNullable(past.lastObtained()), Optional.ofNullable(past.lastFailure()),
                past.passwordGrants(), past.refreshGrants(), past.failedRequests(),
                Optional.ofNullable(open).map(TokenEndpointCircuitOpenException::openUntil), problems);
    }

    /** What a call would start to get out of a dead chain or an unsaved state: a store read, a save. */
    private void recoverWithoutACall(TokenState current, Instant now) {
        // one look at a time: a store that hangs holds one thread, not one per pace
        if (current.dead() != null && !revivalPending.get() && chain.mayRevive(now)
                && revivalPending.compareAndSet(false, true)) {
            long number = requests.incrementAndGet();
            Instant deadline = now.plus(config.tokenWaitTimeout());
            try {
                executor.execute(() -> {
                    try {
                        chain.revive(current, deadline, number);
                    } finally {
                        revivalPending.set(false);
                    }
                });
            } catch (RuntimeException | Error e) {
                revivalPending.set(false);
                LOG.fine(() -> Messages.noThread(e)); // the next look, one pace later, tries again
            }
        }
        if (current.saveRetryAt() != null && !now.isBefore(current.saveRetryAt())) {
            chain.retrySave(current, now);
        }
    }

    private static TokenProblem problem(TokenProblem.Kind kind, String reason) {
        return new TokenProblem(kind, TokenEvents.codeOf(reason), reason);
    }

    private void end(InFlightRequest request) {
        inFlight.compareAndSet(request, null);
    }

    @Override
    public void close() {
        closed = true;
        if (alarm != null) {
            alarm.close();
        }
        fresh = null;
        chain.close();
        if (executor instanceof TokenThreads threads) {
            threads.close();
        }
        observer.close(); // last: what the closing chain still tells is heard
    }

    @Override
    public String toString() {
        return "TokenManager[" + chain + ", " + state.get() + ", " + breaker + "]";
    }

    /** For the tests: the request in flight, if any. */
    InFlightRequest inFlight() {
        return inFlight.get();
    }

    /** For the tests: the state. */
    TokenState state() {
        return state.get();
    }
}
