package ch.ticketpark.sandbox.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tokens the sandbox issued and the lifetimes of the next ones. Thread-safe: concurrent maps, and an atomic
 * compare-and-replace for rotation so that two concurrent refreshes with the same token cannot both succeed.
 */
final class TokenRegistry {

    private final Clock clock;
    private final TokenLifetimes initialLifetimes;
    private final TokenGenerator generator = new TokenGenerator();
    private final AtomicReference<TokenLifetimes> lifetimes;
    private final ConcurrentMap<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    // rotated refresh tokens stay in here (flagged) until reset, to recognise their reuse
    private final ConcurrentMap<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();

    TokenRegistry(Clock clock, TokenLifetimes initialLifetimes) {
        this.clock = clock;
        this.initialLifetimes = initialLifetimes;
        this.lifetimes = new AtomicReference<>(initialLifetimes);
    }

    IssuedTokens issue(String clientKey) {
        TokenLifetimes current = lifetimes.get();
        Instant now = clock.instant();
        AccessToken access = new AccessToken(generator.next(), clientKey, now.plus(current.access()));
        RefreshToken refresh = new RefreshToken(generator.next(), clientKey, now.plus(current.refresh()), false);
        accessTokens.put(access.value(), access);
        refreshTokens.put(refresh.value(), refresh);
        return new IssuedTokens(access.value(), refresh.value(), current.access());
    }

    /** The access token with this value, or {@code null}. */
    AccessToken accessToken(String value) {
        return accessTokens.get(value);
    }

    /** The refresh token with this value, rotated or not, or {@code null}. */
    RefreshToken refreshToken(String value) {
        return refreshTokens.get(value);
    }

    /**
     * Marks a live refresh token as used.
     *
     * @return {@code false} when another request rotated it first
     */
    boolean rotate(RefreshToken token) {
        return refreshTokens.replace(token.value(), token, token.asRotated());
    }

    TokenLifetimes lifetimes() {
        return lifetimes.get();
    }

    /** Changes the lifetimes of tokens issued from now on; {@code null} keeps the current value. */
    TokenLifetimes changeLifetimes(Duration access, Duration refresh) {
        return lifetimes.updateAndGet(current -> current.with(access, refresh));
    }

    void revokeAccessTokens() {
        accessTokens.clear();
    }

    void reset() {
        accessTokens.clear();
        refreshTokens.clear();
        lifetimes.set(initialLifetimes);
    }
}
