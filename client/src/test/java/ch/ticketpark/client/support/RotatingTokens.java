package ch.ticketpark.client.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import ch.ticketpark.client.TicketparkTokens;

/** Tokens {@code token-1}, {@code token-2}, …: a new one only after the current one was invalidated. */
public final class RotatingTokens implements TicketparkTokens {

    private final AtomicInteger issued = new AtomicInteger(1);
    private final AtomicReference<String> current = new AtomicReference<>("token-1");
    public final List<String> invalidated = new CopyOnWriteArrayList<>();

    @Override
    public String accessToken() {
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

    /** How many tokens were issued after the first one. */
    public int newTokens() {
        return issued.get() - 1;
    }
}
