package ch.ticketpark.client.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.ticketpark.client.status.CircuitClosed;
import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.support.Stubs;

/** Each event goes to the synchronous observers and then to the asynchronous ones, whatever the first did. */
class CdiEventsTest {

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private final List<String> calls = new CopyOnWriteArrayList<>();

    @SuppressWarnings("unchecked")
    private Event<Object> events(RuntimeException sync, Throwable async) {
        return Stubs.of(Event.class, Map.of("fire", args -> {
            calls.add("fire");
            if (sync != null) {
                throw sync;
            }
            return null;
        }, "fireAsync", args -> {
            calls.add("fireAsync");
            return async == null
                    ? CompletableFuture.completedFuture(args[0])
                    : CompletableFuture.failedFuture(new CompletionException(async));
        }));
    }

    @Test
    void aSynchronousObserversFailureReachesTheDispatcherAndTheAsynchronousOnesStillGetTheEvent() {
        CdiEvents cdi = new CdiEvents(events(new IllegalStateException("observer bug"), null));

        Throwable failure = catchThrowable(() -> cdi.accept(new CircuitClosed(Instant.EPOCH, 1)));

        assertThat(failure).isInstanceOf(IllegalStateException.class);
        assertThat(calls).containsExactly("fire", "fireAsync");
    }

    @Test
    void anAsynchronousObserversFailureIsLoggedOncePerEventAndExceptionType() {
        CdiEvents cdi = new CdiEvents(events(null, new IllegalArgumentException("async bug with text")));

        cdi.accept(new CircuitClosed(Instant.EPOCH, 1));
        cdi.accept(new CircuitClosed(Instant.EPOCH, 2));

        assertThat(log.withCode("TPC0301")).singleElement().satisfies(record -> assertThat(record.getMessage())
                .contains("CircuitClosed (async)", IllegalArgumentException.class.getName())
                .doesNotContain("async bug with text"));
        assertThat(calls).containsExactly("fire", "fireAsync", "fire", "fireAsync");
    }
}
