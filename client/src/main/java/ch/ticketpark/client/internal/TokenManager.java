package ch.ticketpark.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import ch.ticketpark.client.InvalidGrantException;
import ch.ticketpark.client.TicketparkException;
import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.TokenEndpointUnavailableException;

/**
 * Owns the token lifecycle: the first grant, refreshing ahead of expiry, refresh-token rotation and the fallback to
 * the password grant.
 * <p>
 * Concurrency strategy: the current token is an immutable {@link Token} in an {@link AtomicReference}, and at most one
 * token request is in flight, as a {@link CompletableFuture} published by compare-and-set. A caller with a valid
 * token reads the reference and returns, taking no lock. Inside the refresh window it also starts the one refresh in
 * the background (if none runs) and does not wait for it. Only a caller without a valid token waits, for the refresh
 * in flight, at most {@code ticketpark.token-wait-timeout}. Only the refresh task replaces the token, so the newest
 * refresh token is never lost and never used twice.
 */
public final class TokenManager implements TicketparkTokens, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TokenManager.class.getName());

    private final TicketparkConfig config;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final Executor executor;
    private final AtomicReference<Token> current = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Token>> inFlight = new AtomicReference<>();
    /** The configured refresh token, until it has been used. */
    private volatile String initialRefreshToken;
    /** Why there is no refresh token any more, once the endpoint rejected it and no password can replace it. */
    private volatile InvalidGrantException refreshTokenRejection;

    /**
     * @param executor runs the token requests; a direct executor ({@code Runnable::run}) runs them in the calling
     *        thread
     */
    public TokenManager(TicketparkConfig config, Clock clock, Executor executor) {
        this.config = config;
        this.endpoint = new TokenEndpoint(config.tokenUrl(), config.clientKey(), config.clientSecret(),
                config.connectTimeout(), config.readTimeout());
        this.clock = clock;
        this.executor = executor;
        this.initialRefreshToken = config.refreshToken().orElse(null);
    }

    @Override
    public String accessToken() {
        Instant now = clock.instant();
        Token token = current.get();
        if (token != null && !token.isExpired(now)) {
            if (token.isDueForRefresh(now)) {
                refresh();
            }
            return token.accessToken();
        }
        return await(refresh()).accessToken();
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

    /** Returns the token request in flight, starting one if none runs. */
    private CompletableFuture<Token> refresh() {
        while (true) {
            CompletableFuture<Token> running = inFlight.get();
            if (running != null) {
                return running;
            }
            CompletableFuture<Token> mine = new CompletableFuture<>();
            if (inFlight.compareAndSet(null, mine)) {
                // a refresh may have ended between the caller's look at the token and here
                Token token = current.get();
                if (token != null && !token.isDueForRefresh(clock.instant())) {
                    inFlight.set(null);
                    mine.complete(token);
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
        try {
            Token token = obtain();
            current.set(token);
            inFlight.set(null);
            request.complete(token);
        } catch (RuntimeException | Error e) {
            inFlight.set(null);
            request.completeExceptionally(e);
            Token token = current.get();
            if (token != null && !token.isExpired(clock.instant())) {
                LOG.log(Level.WARNING, Messages.backgroundRefreshFailed(e));
            }
        }
    }

    private Token obtain() {
        Token token = current.get();
        String refreshToken = token != null ? token.refreshToken() : initialRefreshToken;
        if (refreshToken != null) {
            Instant sentAt = clock.instant();
            try {
                TokenResponse response = endpoint.refreshGrant(refreshToken);
                initialRefreshToken = null;
                return issued(TokenEndpoint.REFRESH_GRANT, response, sentAt, refreshToken);
            } catch (InvalidGrantException e) {
                initialRefreshToken = null;
                current.updateAndGet(t -> t == null ? null : t.withoutRefreshToken());
                if (config.password().isEmpty()) {
                    refreshTokenRejection = new InvalidGrantException(
                            Messages.refreshTokenRejected(e.errorDescription()), e.status(), e.errorDescription());
                    throw refreshTokenRejection;
                }
                LOG.warning(Messages.fallingBackToPassword(e.errorDescription()));
            }
        } else if (config.password().isEmpty()) {
            throw refreshTokenRejection;
        }
        return passwordGrant();
    }

    private Token passwordGrant() {
        Instant sentAt = clock.instant();
        try {
            TokenResponse response = endpoint.passwordGrant(config.username().orElseThrow(),
                    config.password().orElseThrow());
            return issued(TokenEndpoint.PASSWORD_GRANT, response, sentAt, null);
        } catch (InvalidGrantException e) {
            throw new InvalidGrantException(Messages.passwordRejected(e.errorDescription()), e.status(),
                    e.errorDescription());
        }
    }

    private Token issued(String grantType, TokenResponse response, Instant sentAt, String previousRefreshToken) {
        TokenResponse kept = response.refreshToken() != null
                ? response
                : new TokenResponse(response.accessToken(), previousRefreshToken, response.expiresIn());
        LOG.fine(() -> Messages.tokenObtained(grantType, response.expiresIn()));
        return Token.issued(kept, sentAt, config.refreshSkew().orElse(null));
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
        return "TokenManager[" + endpoint + ", token=" + current.get() + "]";
    }
}
