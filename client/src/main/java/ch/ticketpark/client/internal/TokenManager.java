package ch.ticketpark.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import ch.ticketpark.client.InvalidGrantException;
import ch.ticketpark.client.TicketparkException;
import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.TokenEndpointCircuitOpenException;
import ch.ticketpark.client.TokenEndpointUnavailableException;
import ch.ticketpark.client.TokenRequestException;
import ch.ticketpark.client.spi.TokenStore;

/**
 * Owns the token lifecycle: the first grant, refreshing ahead of expiry, refresh-token rotation, the fallback to
 * the password grant, retries and the circuit breaker.
 * <p>
 * Concurrency strategy: the current token is an immutable {@link Token} in an {@link AtomicReference}, and at most one
 * token request is in flight, as a {@link CompletableFuture} published by compare-and-set. A caller with a valid
 * token reads the reference and returns, taking no lock. Inside the refresh window it also starts the one refresh in
 * the background (if none runs and the {@link CircuitBreaker} does not pace it) and does not wait for it. Only a
 * caller without a valid token waits, for the refresh in flight, at most {@code ticketpark.token-wait-timeout}; while
 * the breaker is open it fails at once instead. Only the refresh task replaces the token, so the newest refresh token
 * is never lost and never used twice.
 * <p>
 * Limits: one token request, with all its retries, ends within {@code ticketpark.token-wait-timeout} of its start
 * (see {@link Retrier}), so it ends before the wait of any caller that joined it. A refresh ahead of expiry makes a
 * single attempt while the current token is valid; it retries only once callers need a new token.
 * <p>
 * Secrets: the client secret lives only in the token endpoint's precomputed Basic header; the password is kept only
 * when configured, because a refresh token can die at any time and the password grant is then the only way back;
 * the configured refresh token only until it has been used.
 */
public final class TokenManager implements TicketparkTokens, AutoCloseable {

    /** Refresh tokens in memory only. */
    static final TokenStore NO_STORE = new TokenStore() {

        @Override
        public Optional<String> load() {
            return Optional.empty();
        }

        @Override
        public void save(String refreshToken) {
        }
    };

    private static final Logger LOG = Logger.getLogger(TokenManager.class.getName());

    private final TicketparkConfig config;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final Executor executor;
    private final Retrier retrier;
    private final CircuitBreaker breaker;
    private final String username;
    private final String password;
    private final AtomicReference<Token> current = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Token>> inFlight = new AtomicReference<>();
    /** The configured refresh token, until it has been used. */
    private volatile String initialRefreshToken;
    private final TokenStore store;
    /** Why there is no refresh token any more, once the endpoint rejected it and no password can replace it. */
    private volatile InvalidGrantException refreshTokenRejection;

    /**
     * @param executor runs the token requests; a direct executor ({@code Runnable::run}) runs them in the calling
     *        thread
     */
    public TokenManager(TicketparkConfig config, Clock clock, Executor executor) {
        this(config, clock, executor, NO_STORE);
    }

    /**
     * @param store keeps the newest refresh token across restarts
     */
    public TokenManager(TicketparkConfig config, Clock clock, Executor executor, TokenStore store) {
        this(config, clock, executor, Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble(), store);
    }

    TokenManager(TicketparkConfig config, Clock clock, Executor executor, Sleeper sleeper, DoubleSupplier random) {
        this(config, clock, executor, sleeper, random, NO_STORE);
    }

    private TokenManager(TicketparkConfig config, Clock clock, Executor executor, Sleeper sleeper,
            DoubleSupplier random, TokenStore store) {
        this.config = config.withoutSecrets();
        this.endpoint = new TokenEndpoint(config.tokenUrl(), config.clientKey(), config.clientSecret(),
                config.connectTimeout(), config.readTimeout(), clock);
        this.clock = clock;
        this.executor = executor;
        Backoff backoff = new Backoff(config.tokenRetryInitialDelay(), config.tokenRetryMaxDelay(), random);
        this.retrier = new Retrier(config.tokenMaxAttempts(), backoff,
                config.connectTimeout().plus(config.readTimeout()), clock, sleeper);
        this.breaker = new CircuitBreaker(config.circuitBreakerFailures(), config.circuitBreakerDelay(), backoff);
        this.username = config.username().orElse(null);
        this.password = config.password().orElse(null);
        this.store = store;
        this.initialRefreshToken = stored(store).or(config::refreshToken).orElse(null);
    }

    /** A saved refresh token is newer than a configured one: one was spent since the configuration was written. */
    private static Optional<String> stored(TokenStore store) {
        try {
            return store.load().map(String::strip).filter(token -> !token.isEmpty());
        } catch (RuntimeException e) {
            LOG.warning(Messages.tokenStoreFailed("load", e));
            return Optional.empty();
        }
    }

    @Override
    public String accessToken() {
        Instant now = clock.instant();
        Token token = current.get();
        if (token != null && !token.isExpired(now)) {
            if (token.isDueForRefresh(now) && breaker.allowsBackgroundRefresh(now)) {
                refresh(true);
            }
            return token.accessToken();
        }
        TokenEndpointCircuitOpenException open = breaker.rejection(now);
        if (open != null) {
            throw open;
        }
        return await(refresh(false)).accessToken();
    }

    @Override
    public void invalidate() {
        Token token = current.get();
        if (token != null) {
            // a token that a refresh replaced meanwhile stays: it is newer than the one the caller saw
            current.compareAndSet(token, token.expired());
        }
    }

    @Override
    public void invalidate(String accessToken) {
        Token token = current.get();
        if (token != null && token.accessToken().equals(accessToken)) {
            current.compareAndSet(token, token.expired());
        }
    }

    /**
     * Returns the token request in flight, starting one if none runs.
     *
     * @param background whether the caller has a valid token and does not wait
     */
    private CompletableFuture<Token> refresh(boolean background) {
        while (true) {
            CompletableFuture<Token> running = inFlight.get();
            if (running != null) {
                return running;
            }
            CompletableFuture<Token> mine = new CompletableFuture<>();
            if (inFlight.compareAndSet(null, mine)) {
                // a refresh may have ended, or a failure opened the breaker, since the caller looked
                Instant now = clock.instant();
                Token token = current.get();
                if (token != null && !token.isDueForRefresh(now)
                        || background && !breaker.allowsBackgroundRefresh(now)) {
                    inFlight.set(null);
                    mine.complete(token);
                    return mine;
                }
                TokenEndpointCircuitOpenException open = breaker.rejection(now);
                if (open != null) {
                    inFlight.set(null);
                    mine.completeExceptionally(open);
                    return mine;
                }
                try {
                    executor.execute(() -> run(mine));
                } catch (RejectedExecutionException e) {
                    run(mine);
                }
                return mine;
            }
        }
    }

    private void run(CompletableFuture<Token> request) {
        Instant start = clock.instant();
        boolean probe = breaker.isProbe(start);
        try {
            Token token = obtain(new Attempts(start.plus(config.tokenWaitTimeout()), probe));
            current.set(token);
            breaker.succeeded();
            inFlight.set(null);
            request.complete(token);
        } catch (RuntimeException | Error e) {
            boolean tokenValid = hasValidToken();
            if (e instanceof TokenRequestException failure && failure != refreshTokenRejection) {
                breaker.failed(failure, clock.instant(), !tokenValid);
            }
            inFlight.set(null);
            request.completeExceptionally(e);
            if (tokenValid) {
                LOG.log(Level.WARNING, Messages.backgroundRefreshFailed(e));
            }
        }
    }

    private boolean hasValidToken() {
        Token token = current.get();
        return token != null && !token.isExpired(clock.instant());
    }

    /** How the requests of one run are retried: within its deadline, only while callers need a token, never in a probe. */
    private final class Attempts {

        private final Instant deadline;
        private final boolean probe;

        Attempts(Instant deadline, boolean probe) {
            this.deadline = deadline;
            this.probe = probe;
        }

        /** The answer and the send time of the attempt that got it: a token's lifetime counts from there. */
        Sent send(Supplier<TokenResponse> request) {
            return retrier.call(() -> {
                Instant sentAt = clock.instant();
                return new Sent(request.get(), sentAt);
            }, deadline, () -> !probe && !hasValidToken());
        }
    }

    private record Sent(TokenResponse response, Instant sentAt) {
    }

    private Token obtain(Attempts attempts) {
        Token token = current.get();
        String refreshToken = token != null ? token.refreshToken() : initialRefreshToken;
        if (refreshToken != null) {
            try {
                Sent sent = attempts.send(() -> endpoint.refreshGrant(refreshToken));
                initialRefreshToken = null;
                return issued(TokenEndpoint.REFRESH_GRANT, sent, refreshToken);
            } catch (InvalidGrantException e) {
                initialRefreshToken = null;
                current.updateAndGet(t -> t == null ? null : t.withoutRefreshToken());
                if (password == null) {
                    refreshTokenRejection = new InvalidGrantException(
                            Messages.refreshTokenRejected(e.errorDescription()), e.status(), e.errorDescription());
                    throw refreshTokenRejection;
                }
                LOG.warning(Messages.fallingBackToPassword(e.errorDescription()));
            }
        } else if (password == null) {
            throw refreshTokenRejection;
        }
        return passwordGrant(attempts);
    }

    private Token passwordGrant(Attempts attempts) {
        try {
            Sent sent = attempts.send(() -> endpoint.passwordGrant(username, password));
            return issued(TokenEndpoint.PASSWORD_GRANT, sent, null);
        } catch (InvalidGrantException e) {
            throw new InvalidGrantException(Messages.passwordRejected(e.errorDescription()), e.status(),
                    e.errorDescription());
        }
    }

    private Token issued(String grantType, Sent sent, String previousRefreshToken) {
        TokenResponse response = sent.response();
        TokenResponse kept = response.refreshToken() != null
                ? response
                : new TokenResponse(response.accessToken(), previousRefreshToken, response.expiresIn());
        LOG.fine(() -> Messages.tokenObtained(grantType, response.expiresIn()));
        if (response.refreshToken() != null && !response.refreshToken().equals(previousRefreshToken)) {
            save(response.refreshToken());
        }
        return Token.issued(kept, sent.sentAt(), config.refreshSkew().orElse(null));
    }

    /** Called from the one token request in flight only; the token in memory stays in use if saving fails. */
    private void save(String refreshToken) {
        try {
            store.save(refreshToken);
        } catch (RuntimeException e) {
            LOG.warning(Messages.tokenStoreFailed("save", e));
        }
    }

    private Token await(CompletableFuture<Token> request) {
        Duration timeout = config.tokenWaitTimeout();
        try {
            return request.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TicketparkException cause) {
                throw cause;
            }
            throw new TicketparkException(e.getCause());
        } catch (TimeoutException e) {
            throw new TokenEndpointUnavailableException(Messages.waitTimedOut(timeout), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenEndpointUnavailableException(Messages.waitTimedOut(timeout), e);
        }
    }

    @Override
    public void close() {
        endpoint.close();
    }

    @Override
    public String toString() {
        return "TokenManager[" + endpoint + ", token=" + current.get() + ", " + breaker + "]";
    }
}
