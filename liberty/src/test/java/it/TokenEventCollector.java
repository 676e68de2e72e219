package it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

import ch.ticketpark.client.status.CircuitClosed;
import ch.ticketpark.client.status.CircuitOpened;
import ch.ticketpark.client.status.RefreshTokenChainEnded;
import ch.ticketpark.client.status.TokenObtained;
import ch.ticketpark.client.status.TokenRequestFailed;

/** An application's observers of the client's token events, synchronous and asynchronous, as a user writes them. */
@ApplicationScoped
public class TokenEventCollector {

    // read through the methods: a field read on the injected client proxy would see the proxy's own fields
    private final List<Object> sync = new CopyOnWriteArrayList<>();
    private final List<Object> async = new CopyOnWriteArrayList<>();
    private final List<String> syncThreads = new CopyOnWriteArrayList<>();

    /** The events the synchronous observers received, in order. */
    List<Object> sync() {
        return List.copyOf(sync);
    }

    /** The events the asynchronous observers received. */
    List<Object> async() {
        return List.copyOf(async);
    }

    /** The threads the synchronous observers of {@link TokenObtained} ran on. */
    List<String> syncThreads() {
        return List.copyOf(syncThreads);
    }

    void obtained(@Observes TokenObtained obtained) {
        sync.add(obtained);
        syncThreads.add(Thread.currentThread().getName());
    }

    void failed(@Observes TokenRequestFailed failed) {
        sync.add(failed);
    }

    void ended(@Observes RefreshTokenChainEnded ended) {
        sync.add(ended);
    }

    void opened(@Observes CircuitOpened opened) {
        sync.add(opened);
    }

    void closed(@Observes CircuitClosed closed) {
        sync.add(closed);
    }

    void obtainedAsync(@ObservesAsync TokenObtained obtained) {
        async.add(obtained);
    }

    void failedAsync(@ObservesAsync TokenRequestFailed failed) {
        async.add(failed);
    }

    void clear() {
        sync.clear();
        async.clear();
        syncThreads.clear();
    }
}
