package ch.ticketpark.client.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import ch.ticketpark.client.internal.observe.TokenObserver;
import ch.ticketpark.client.status.CircuitClosed;
import ch.ticketpark.client.status.CircuitOpened;
import ch.ticketpark.client.status.RefreshTokenChainEnded;
import ch.ticketpark.client.status.TokenObtained;
import ch.ticketpark.client.status.TokenRequestFailed;

/** What the token lifecycle told its observer: the events in order, and the calls that carry none. */
public final class RecordingObserver implements TokenObserver {

    public final List<Object> events = new CopyOnWriteArrayList<>();
    /** The failures handed with the {@link TokenRequestFailed} events, in the same order. */
    public final List<Throwable> causes = new CopyOnWriteArrayList<>();
    public final AtomicInteger refreshesAhead = new AtomicInteger();
    public final AtomicInteger rejections = new AtomicInteger();

    @Override
    public void obtained(TokenObtained obtained) {
        events.add(obtained);
    }

    @Override
    public void failed(TokenRequestFailed failed, Throwable cause) {
        events.add(failed);
        causes.add(cause);
    }

    @Override
    public void chainEnded(RefreshTokenChainEnded ended) {
        events.add(ended);
    }

    @Override
    public void circuitOpened(CircuitOpened opened) {
        events.add(opened);
    }

    @Override
    public void circuitClosed(CircuitClosed closed) {
        events.add(closed);
    }

    @Override
    public void refreshAheadStarted() {
        refreshesAhead.incrementAndGet();
    }

    @Override
    public void tokenRejected() {
        rejections.incrementAndGet();
    }

    /** The events of this type, in order. */
    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
