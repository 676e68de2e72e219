package ch.ticketpark.client.internal.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.logging.Logger;

import ch.ticketpark.client.exception.InvalidGrantException;
import ch.ticketpark.client.exception.TicketparkException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.internal.Messages;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.observe.TokenEvents;
import ch.ticketpark.client.internal.observe.TokenObserver;
import ch.ticketpark.client.internal.resilience.Backoff;
import ch.ticketpark.client.internal.resilience.Retrier;
import ch.ticketpark.client.internal.resilience.Sleeper;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;
import ch.ticketpark.client.status.GrantType;
import ch.ticketpark.client.status.TokenObtained;

/**
 * What one token request does, and how every answer reaches the {@link TokenState}: the grant to use (the newest
 * refresh token, else the password), retries, the fallback to the password grant, the token store.
 * <p>
 * The refresh-token rules: every answer that brings a refresh token replaces the chain only if nobody replaced the
 * refresh token it used since (compare-and-set), so a late answer can neither overwrite a newer chain nor be lost
 * when it is the only way on; a refused answer that holds a new refresh token keeps it (the server has rotated the
 * chain); a rejected refresh token is checked against the store once (another process may have rotated it) before
 * the password grant, or the end of the chain. The store sees the newest refresh token only, one save at a time, and
 * a failed save is retried.
 */
final class TokenChain implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TokenChain.class.getName());
    /** How often in a row the store may move on under a request before it counts as a failed attempt. */
    static final int MAX_MOVED_ON = 3;
    /** The key of a password grant among the requests {@link #onTheWay}: no refresh token looks like it. */
    private static final String PASSWORD_GRANT = " password grant ";
    /** How often a dead chain looks for a new start in the store, at most. */
    static final Duration REVIVAL_PACE = Duration.ofSeconds(5);

    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final Executor executor;
    private final Retrier retrier;
    private final StoreKeeper keeper;
    private final AtomicReference<TokenState> state;
    private final String username;
    private final String password;
    private final Duration skew;
    private final AtomicBoolean skewCapReported = new AtomicBoolean();
    private final boolean hasStore;
    /** When a dead chain may next look for a new start in the store. */
    private final AtomicReference<Instant> nextRevival = new AtomicReference<>(Instant.MIN);
    private final TokenObserver observer;

    /**
     * The grants an attempt is sending right now, by refresh token (or {@link #PASSWORD_GRANT}): none goes out twice at
     * once, whoever stopped waiting.
     */
    private final Map<String, Attempt> onTheWay = new ConcurrentHashMap<>();

    TokenChain(TicketparkConfig config, Clock clock, Executor executor, Sleeper sleeper, Backoff backoff,
            TokenStore store, AtomicReference<TokenState> state, TokenObserver observer) {
        this.endpoint = new TokenEndpoint(config.tokenUrl(), config.clientKey(), config.clientSecret(),
                config.connectTimeout(), config.readTimeout(), clock);
        this.clock = clock;
        this.executor = executor;
        this.retrier = new Retrier(config.tokenMaxAttempts(), backoff,
                config.connectTimeout().plus(config.readTimeout()), clock, sleeper);
        this.keeper = new StoreKeeper(store, executor, clock, backoff, state, retrier.attemptTimeout());
        this.hasStore = store != TokenManager.NO_STORE;
        this.state = state;
        this.username = config.username().orElse(null);
        this.password = config.password().orElse(null);
        this.skew = config.refreshSkew().orElse(null);
        this.observer = observer;
    }

    /** Whether a token request can do anything at all: the chain is not dead. */
    boolean canRefresh(TokenState current) {
        return current.dead() == null && (current.refreshToken() != null || password != null);
    }

    /**
     * Whether the failure is the end of the chain, kept and repeated without a request: not the endpoint's fault. The
     * kept failure itself is never thrown: each caller gets a copy caused by it ({@link CallerFailures}).
     */
    boolean isTerminal(Throwable failure) {
        InvalidGrantException dead = state.get().dead();
        return dead != null && failure.getCause() == dead;
    }

    /**
     * Obtains a token: the refresh grant while there is a refresh token, the password grant otherwise, retried
     * within the request's deadline while callers need a token and this is not the breaker's probe.
     */
    Token obtain(InFlightRequest request, boolean probe) {
        loadOnFirstNeed(request);
        Instant start = clock.instant();
        boolean storeAskedAgain = false;
        boolean revivalTried = false;
        int attempts = 0;
        int movedOn = 0;
        while (true) {
            TokenState current = state.get();
            if (current.dead() != null) {
                if (revivalTried || !revive(current, request.deadline(), request.number())) {
                    throw CallerFailures.forCaller(current.dead());
                }
                revivalTried = true;
                continue;
            }
            if (current.refreshToken() == null && password == null) {
                nothingToStartFrom(current);
                continue;
            }
            if (request.isAbandoned()) {
                throw new TokenEndpointUnavailableException(Messages.abandoned(request.deadline()), 0);
            }
            Token arrived = serving(current, request);
            if (arrived != null) {
                return arrived; // a late answer of an earlier attempt came in meanwhile, or another's from the store
            }
            String refreshToken = current.refreshToken();
            if (!clock.instant().isBefore(request.deadline())) {
                throw new TokenEndpointUnavailableException(Messages.deadlinePassed(request.deadline()), 0);
            }
            attempts++;
            Optional<Duration> retryAfter;
            RuntimeException failure;
            try {
                return send(request, refreshToken);
            } catch (InvalidGrantException e) {
                if (refreshToken == null) {
                    throw new InvalidGrantException(Messages.passwordRejected(e.errorDescription()), e.status(),
                            e.errorDescription());
                }
                if (!storeAskedAgain) {
                    storeAskedAgain = true;
                    if (adoptStored(refreshToken, request)) {
                        continue;
                    }
                }
                reject(refreshToken, e);
                continue;
            } catch (StoreMovedOn e) {
                if (++movedOn <= MAX_MOVED_ON) {
                    attempts--; // nothing was sent: the next attempt uses the store's newer refresh token
                    continue;
                }
                // a store that keeps moving on is retried like an endpoint that keeps failing: within the attempts
                retryAfter = Optional.empty();
                failure = new TokenEndpointUnavailableException(Messages.storeKeptMovingOn(movedOn), 0);
            } catch (RefusedAnswer e) {
                retryAfter = Optional.empty();
                failure = e.refusal();
            } catch (TokenEndpointUnavailableException e) {
                retryAfter = e.retryAfter();
                failure = e;
            }
            Optional<Duration> delay = mayRetry(probe) && !Thread.currentThread().isInterrupted()
                    ? retrier.delayAfter(attempts, retryAfter, request.deadline())
                    : Optional.empty();
            if (delay.isPresent() && !retrier.pause(attempts, delay.get(), failure.getMessage())) {
                throw new TokenEndpointUnavailableException(Messages.interrupted(), 0, attempts, null, failure);
            }
            Token meanwhile = serving(state.get(), request);
            if (meanwhile != null) {
                return meanwhile;
            }
            if (delay.isEmpty()) {
                throw failure instanceof TokenEndpointUnavailableException unavailable
                        ? Retrier.gaveUp(unavailable, attempts, Duration.between(start, clock.instant()))
                        : failure;
            }
        }
    }

    /** The chain's token if it serves the request: any usable one a caller; one not due itself a refresh ahead. */
    private Token serving(TokenState current, InFlightRequest request) {
        Instant now = clock.instant();
        Token token = current.usable(now);
        return token != null && !(request.isBackground() && token.isDueForRefresh(now)) ? token : null;
    }

    /** Retries only while callers need a token (a refresh ahead of expiry makes one attempt), never in a probe. */
    private boolean mayRetry(boolean probe) {
        return !probe && state.get().usable(clock.instant()) == null;
    }

    /**
     * One attempt, bounded as a whole by connect + read timeout and the request's deadline: it runs on the executor
     * while this thread waits, so that an answer trickling in, or a host name that takes long to resolve, cannot hold
     * the request past its deadline. An answer that comes after this thread stopped waiting still reaches the chain.
     */
    private Token send(InFlightRequest request, String refreshToken) {
        Instant sentAt = clock.instant();
        Duration left = Duration.between(sentAt, request.deadline());
        if (!request.sending()) {
            throw new TokenEndpointUnavailableException(Messages.abandoned(request.deadline()), 0);
        }
        Duration bound = Token.SHORTER.apply(left, retrier.attemptTimeout());
        Attempt attempt = new Attempt(refreshToken, sentAt, request, bound);
        if (onTheWay.putIfAbsent(attempt.grant(), attempt) != null) {
            // an earlier attempt with it has not ended (its caller stopped waiting): sending a refresh token again would
            // use it twice, a password grant again would obtain a second chain beside the one on its way
            request.sent();
            throw new TokenEndpointUnavailableException(Messages.stillOnTheWay(), 0);
        }
        try {
            executor.execute(attempt);
        } catch (RuntimeException | Error e) {
            attempt.release();
            request.sent();
            throw new TokenEndpointUnavailableException(Messages.noThread(e), e);
        }
        try {
            return attempt.outcome.get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreMovedOn movedOn) {
                throw movedOn;
            }
            throw e.getCause() instanceof RefusedAnswer refused ? refused : unchecked(e.getCause());
        } catch (TimeoutException e) {
            attempt.stopWaiting();
            throw new TokenEndpointUnavailableException(Messages.attemptTimedOut(bound), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt.stopWaiting();
            throw new TokenEndpointUnavailableException(Messages.interrupted(), e);
        } finally {
            request.sent();
        }
    }

    /**
     * One attempt, run on the executor. It holds the store's claim from before it looks at what the store holds to
     * after it stored the answer; it takes a newer state another server stored instead of sending anything; and it
     * brings its answer into the store and then the chain itself, before it lets go of its refresh token, so there is
     * no moment in which the chain still holds a refresh token that no attempt is sending any more but whose answer
     * is not in yet; and it does so whether its caller still waits or not (a late answer counts).
     */
    private final class Attempt implements Runnable {

        private final String refreshToken;
        private final Instant sentAt;
        private final long number;
        private final boolean reissue;
        private final boolean background;
        private final Duration claimWait;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private volatile boolean callerGone;
        private final CompletableFuture<Token> outcome = new CompletableFuture<>();
        /** What the endpoint did, told to the observer once the claim is let go: set by this attempt's thread only. */
        private Instant requestSent;
        private Instant requestEnded;
        private Throwable requestFailure;
        private Token requestObtained;

        Attempt(String refreshToken, Instant sentAt, InFlightRequest request, Duration claimWait) {
            this.refreshToken = refreshToken;
            this.sentAt = sentAt;
            this.number = request.number();
            this.reissue = request.isReissue();
            this.background = request.isBackground();
            this.claimWait = claimWait;
        }

        @Override
        public void run() {
            // an attempt that waited for a thread longer than its caller waited for it is never sent
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            Token token = null;
            Throwable failure = null;
            StoreKeeper.Hold hold = keeper.hold(claimWait);
            try {
                token = obtainHolding(hold);
            } catch (RefusedAnswer refused) {
                keep(refreshToken, refused.refreshToken(), hold);
                failure = refused;
            } catch (Throwable e) {
                failure = e;
            } finally {
                hold.close();
                release(); // after the answer is in the chain, before the caller can retry
            }
            report();
            if (failure == null) {
                outcome.complete(token);
            } else {
                outcome.completeExceptionally(failure);
            }
        }

        private Token obtainHolding(StoreKeeper.Hold hold) {
            if (!hold.granted()) {
                throw new TokenEndpointUnavailableException(Messages.storeClaimNotGranted(claimWait), 0);
            }
            Optional<StoredTokens> newer = hold.newer();
            if (newer.isPresent()) {
                return adoptNewer(refreshToken, newer.get(), number, reissue, background);
            }
            if (!state.get().accepts(refreshToken)) {
                throw new StoreMovedOn(); // the chain moved on while it waited for the claim: what it would send is old
            }
            if (callerGone) {
                // it waited for the claim longer than its caller waited for it: not sent either
                throw new TokenEndpointUnavailableException(Messages.attemptTimedOut(claimWait), 0);
            }
            requestSent = clock.instant();
            TokenResponse response;
            try {
                response = refreshToken != null
                        ? endpoint.refreshGrant(refreshToken)
                        : endpoint.passwordGrant(username, password);
            } catch (RuntimeException | Error e) {
                requestEnded = clock.instant();
                requestFailure = e instanceof RefusedAnswer refused ? refused.refusal() : e;
                throw e;
            }
            requestEnded = clock.instant();
            requestObtained = adopt(refreshToken, response, sentAt, number, reissue, hold);
            return requestObtained;
        }

        /** Tells the observer what the endpoint did, if anything was sent: a late answer dropped is neither. */
        private void report() {
            if (requestSent == null) {
                return;
            }
            GrantType grantType = refreshToken != null ? GrantType.REFRESH_TOKEN : GrantType.PASSWORD;
            Duration measured = Duration.between(requestSent, requestEnded);
            // the wall clock: a step back while the request was on its way is no negative duration
            Duration took = measured.isNegative() ? Duration.ZERO : measured;
            if (requestObtained != null) {
                observer.obtained(new TokenObtained(grantType, requestEnded, requestObtained.expiresAt(), took));
            } else if (requestFailure != null) {
                observer.failed(TokenEvents.failed(grantType, requestEnded, took, requestFailure), requestFailure);
            }
        }

        /** The caller stops waiting: if the attempt has not started, it never will. */
        void stopWaiting() {
            callerGone = true;
            if (claimed.compareAndSet(false, true)) {
                release();
            }
        }

        void release() {
            onTheWay.remove(grant(), this);
        }

        /** What it sends, as {@link #onTheWay} knows it. */
        String grant() {
            return refreshToken != null ? refreshToken : PASSWORD_GRANT;
        }
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException e) {
            return e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new TicketparkException(Messages.tokenRequestFailed(cause), cause);
    }

    /**
     * A successful answer to a request that used {@code spent} (or the password, {@code null}): stored first, then
     * handed to the chain.
     */
    private Token adopt(String spent, TokenResponse response, Instant sentAt, long number, boolean reissue,
            StoreKeeper.Hold hold) {
        Token token = Token.issued(response.accessToken(), response.expiresIn(), sentAt, clock.instant(),
                skewFor(response.expiresIn()), number, reissue);
        String next = response.refreshToken() != null ? response.refreshToken() : spent;
        TokenState before = keeper.exclusively(() -> {
            if (!state.get().accepts(spent)) {
                return state.get(); // a late answer, dropped: not stored either
            }
            boolean saved = hold.store(next, token) == StoreKeeper.Stored.SAVED;
            // saved: the store holds the newest state, and no earlier failed save is pending any more
            return state.getAndUpdate(current -> current.accepts(spent)
                    ? current.withRefreshToken(next).withToken(token).withStoreLoaded()
                            .withSaveRetryAt(saved ? null : current.saveRetryAt())
                    : current);
        });
        if (!before.accepts(spent)) {
            LOG.info(Messages.lateAnswerDropped());
            throw new StoreMovedOn(); // its token was not stored, so no caller gets it: the chain's serves, or the next
        }
        LOG.fine(() -> Messages.tokenObtained(spent == null
                ? TokenEndpoint.PASSWORD_GRANT
                : TokenEndpoint.REFRESH_GRANT, response.expiresIn()));
        if (spent != null && !spent.equals(next)) {
            keeper.spend(spent);
        }
        return token;
    }

    /**
     * The claim found a state in the store that is newer than what this client knows: another server obtained it. The
     * chain takes it, and its access token serves the request unless it is no better than the one being replaced.
     *
     * @throws StoreMovedOn if its access token does not serve the request: the next attempt uses its refresh token
     */
    private Token adoptNewer(String spentToken, StoredTokens stored, long number, boolean reissue,
            boolean background) {
        Instant now = clock.instant();
        Token token = toToken(stored, number, reissue);
        // the chain may hold the stored refresh token already: a pending save took it, and left its access token
        Predicate<TokenState> adoptable = current -> Objects.equals(current.refreshToken(), spentToken)
                || Objects.equals(current.refreshToken(), stored.refreshToken());
        TokenState before = state.getAndUpdate(current -> adoptable.test(current)
                ? withStored(current, stored.refreshToken(), token)
                : current);
        if (!adoptable.test(before)) {
            throw new StoreMovedOn(); // a late answer replaced it meanwhile: go on with that one
        }
        LOG.fine(Messages::storeHadNewerState);
        if (token != null && !token.isExpired(now) && !(background && token.isDueForRefresh(now))
                && !isRefused(before, token, now)) {
            return token;
        }
        throw new StoreMovedOn();
    }

    /**
     * Whether the stored access token is the chain's own, which it no longer hands out (the API rejected it, the
     * application forgot it, or it was requested before a rejection): it is never handed out again, whoever stored it.
     */
    private static boolean isRefused(TokenState current, Token stored, Instant now) {
        return current.token() != null && current.usable(now) == null
                && current.token().accessToken().equals(stored.accessToken());
    }

    private TokenState withStored(TokenState current, String refreshToken, Token token) {
        TokenState adopted = current.withRefreshToken(refreshToken).withStoreLoaded();
        return token == null || isRefused(current, token, clock.instant()) ? adopted : adopted.withToken(token);
    }

    /** The stored access token as this client's, numbered as the request that adopts it; {@code null} if none. */
    private Token toToken(StoredTokens stored, long number, boolean reissue) {
        if (!stored.hasAccessToken() || !clock.instant().isBefore(stored.expiresAt())) {
            return null; // an expired one never replaces one in memory that may still be valid
        }
        Duration lifetime = Duration.between(stored.obtainedAt(), stored.expiresAt());
        // as if it arrived when obtained: every server sharing it refreshes at the same moment, under one claim
        return Token.issued(stored.accessToken(), lifetime, stored.obtainedAt(), stored.obtainedAt(),
                skewFor(lifetime), number, reissue);
    }

    /** A refused answer's new refresh token: the server rotated the chain, so this is its only way on. */
    private void keep(String spentToken, String refreshToken, StoreKeeper.Hold hold) {
        if (refreshToken.equals(spentToken) || !state.get().accepts(spentToken)) {
            return; // the server did not rotate, or the chain moved on: nothing new to keep
        }
        TokenState before = keeper.exclusively(() -> {
            hold.store(refreshToken, state.get().token());
            return state.getAndUpdate(current -> current.accepts(spentToken)
                    ? current.withRefreshToken(refreshToken).withStoreLoaded()
                    : current);
        });
        if (before.accepts(spentToken)) {
            LOG.warning(Messages.refusedAnswerRefreshTokenKept());
            if (spentToken != null) {
                keeper.spend(spentToken);
            }
        }
    }

    private Duration skewFor(Duration lifetime) {
        if (skew != null && !Token.effectiveSkew(skew, lifetime).equals(skew)
                && skewCapReported.compareAndSet(false, true)) {
            LOG.warning(Messages.skewCapped(skew, lifetime, Token.effectiveSkew(skew, lifetime)));
        }
        return skew;
    }

    /** The endpoint rejected {@code refreshToken}: the password grant comes next, or the chain ends here. */
    private void reject(String refreshToken, InvalidGrantException e) {
        InvalidGrantException dead = password == null
                ? new InvalidGrantException(Messages.refreshTokenRejected(e.errorDescription()), e.status(),
                        e.errorDescription())
                : null;
        TokenState before = state.getAndUpdate(current -> Objects.equals(current.refreshToken(), refreshToken)
                ? current.withRefreshTokenRejected(dead)
                : current);
        if (!Objects.equals(before.refreshToken(), refreshToken)) {
            return; // a late answer brought a newer one meanwhile: the next attempt uses it
        }
        keeper.spend(refreshToken); // not taken back from the store either
        if (dead != null) {
            LOG.severe(dead.getMessage());
            observer.chainEnded(TokenEvents.chainEnded(clock.instant(), dead));
            throw CallerFailures.forCaller(dead);
        }
        LOG.warning(Messages.fallingBackToPassword(e.errorDescription()));
    }

    /**
     * Whether a dead chain may look for a new start in the store now: at most once per {@link #REVIVAL_PACE}, and
     * only with a store (the one-time login may have put a new refresh token there).
     */
    boolean mayRevive(Instant now) {
        Instant due = nextRevival.get();
        // a due time further ahead than one pace: the clock was set back, and the pace starts again from now
        boolean dueNow = !now.isBefore(due) || due.isAfter(now.plus(REVIVAL_PACE));
        return hasStore && dueNow && nextRevival.compareAndSet(due, now.plus(REVIVAL_PACE));
    }

    /**
     * A dead chain: whether the store holds a refresh token this client has not spent, now in use (a store read,
     * never a token request).
     *
     * @param number the request number its access token gets, if the store holds a usable one
     */
    boolean revive(TokenState dead, Instant deadline, long number) {
        if (!hasStore) {
            return false;
        }
        StoreKeeper.Loaded loaded = keeper.load(deadline);
        Optional<StoredTokens> stored = loaded.tokens().filter(tokens -> !keeper.isSpent(tokens.refreshToken())
                && !tokens.refreshToken().equals(dead.spentRefreshToken()));
        if (stored.isEmpty()) {
            return false;
        }
        Token token = toToken(stored.get(), number, false);
        TokenState before = state.getAndUpdate(current -> current.dead() == dead.dead()
                ? withStored(current, stored.get().refreshToken(), token)
                : current);
        if (before.dead() == dead.dead()) {
            keeper.markStored(stored.get());
            LOG.info(Messages.storeHadNewerState());
        }
        return true;
    }

    /**
     * Neither a refresh token nor a password: the chain is dead until the store gets a refresh token (the one-time
     * login), unless the store could not be read at all (then it is read again at the next need).
     */
    private void nothingToStartFrom(TokenState current) {
        if (!current.storeLoaded()) {
            throw new TokenEndpointUnavailableException(Messages.storeUnreadableAtStart(), 0);
        }
        InvalidGrantException dead = new InvalidGrantException(Messages.nothingToStartFrom(keeper.describeStore()),
                0, null);
        if (state.compareAndSet(current, current.withRefreshTokenRejected(dead))) {
            LOG.severe(dead.getMessage());
            observer.chainEnded(TokenEvents.chainEnded(clock.instant(), dead));
        }
    }

    /** The store is read when the first token is needed, and again at the next need until a read succeeded. */
    private void loadOnFirstNeed(InFlightRequest request) {
        if (state.get().storeLoaded()) {
            return;
        }
        StoreKeeper.Loaded loaded = keeper.load(request.deadline());
        if (!loaded.ok()) {
            return;
        }
        Optional<StoredTokens> stored = loaded.tokens();
        Token token = stored.map(tokens -> toToken(tokens, request.number(), false)).orElse(null);
        // a saved refresh token is newer than a configured one: one was spent since the configuration was written
        TokenState before = state.getAndUpdate(current -> current.storeLoaded()
                ? current
                : stored.isPresent() && current.token() == null
                        ? withStored(current, stored.get().refreshToken(), token)
                        : current.withStoreLoaded());
        if (!before.storeLoaded()) {
            stored.ifPresent(keeper::markStored);
        }
    }

    /** After {@code rejected} was refused: whether the store holds another refresh token, now in use. */
    private boolean adoptStored(String rejected, InFlightRequest request) {
        StoreKeeper.Loaded loaded = keeper.load(request.deadline());
        if (!loaded.ok() && password == null) {
            // whether another process rotated it cannot be told now: not the end of the chain, try again later
            throw new TokenEndpointUnavailableException(Messages.storeUnreadableAfterRejection(), 0);
        }
        Optional<StoredTokens> stored = loaded.tokens();
        if (stored.isEmpty() || stored.get().refreshToken().equals(rejected)
                || keeper.isSpent(stored.get().refreshToken())) {
            return false;
        }
        Token token = toToken(stored.get(), request.number(), request.isReissue());
        TokenState before = state.getAndUpdate(current -> Objects.equals(current.refreshToken(), rejected)
                ? withStored(current, stored.get().refreshToken(), token)
                : current);
        if (!Objects.equals(before.refreshToken(), rejected)) {
            return true; // a late answer replaced it meanwhile: go on with that one
        }
        keeper.markStored(stored.get());
        LOG.info(Messages.storeHadNewerRefreshToken());
        return true;
    }

    /** The message of the token store's last failed save; {@code null} if none failed. */
    String lastSaveFailure() {
        return keeper.lastSaveFailure();
    }

    /** Hands one save retry to the store keeper. */
    void retrySave(TokenState seen, Instant now) {
        keeper.retrySave(seen, now);
    }

    @Override
    public void close() {
        keeper.saveBeforeClosing();
        endpoint.close();
    }

    @Override
    public String toString() {
        return "TokenChain[" + endpoint + "]";
    }

}
