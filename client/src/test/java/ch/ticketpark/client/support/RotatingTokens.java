package ch.ticketpark.client.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.internal.token.TokenFeedback;
import ch.ticketpark.client.status.TokenStatus;

/**
 * Tokens {@code token-1}, {@code token-2}, …: a new one only after the current one was invalidated. It records what
 * the response filter reports: the tokens invalidated and those the API accepted.
 */
public final class RotatingTokens implements TicketparkTokens, TokenFeedback {

    private final AtomicInteger issued = new AtomicInteger(1);
    private final AtomicInteger requested = new AtomicInteger();
    private final AtomicReference<String> current = new AtomicReference<>("token-1");
    public final List<String> invalidated = new CopyOnWriteArrayList<>();
    public final List<String> accepted = new CopyOnWriteArrayList<>();
    public final AtomicInteger rejections = new AtomicInteger();

    @Override
    public String accessToken() {
        requested.incrementAndGet();
        return current.updateAndGet(token -> token != null ? token : "token-" + issued.incrementAndGet());
    }

    @Override
    public void invalidate() {
        current.set(null);
    }

    @Override
    public void invalidate(String accessToken) {
        invalidated.add(accessToken);
        current.updateAndGet(token -> accessToken.equals(token) ? null : token);
    }

    /** Not read by the REST wiring, which these tokens stand in for. */
    @Override
    public TokenStatus status() {
        throw new UnsupportedOperationException("status");
    }

    @Override
    public void accepted(String accessToken) {
        accepted.add(accessToken);
    }

    @Override
    public void rejected() {
        rejections.incrementAndGet();
    }

    /** How many times a token was asked for. */
    public int requested() {
        return requested.get();
    }

    /** How many tokens were issued after the first one. */
    public int newTokens() {
        return issued.get() - 1;
    }
}
