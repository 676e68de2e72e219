package ch.ticketpark.client.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.api.EventsClient;
import ch.ticketpark.client.exception.RecordNotFoundException;
import ch.ticketpark.client.exception.TokenRejectedException;
import ch.ticketpark.client.model.Event;

/**
 * The facade runs a typed client's typed methods itself and sends only the one-request methods to the client it wraps,
 * as the MicroProfile Rest Client's proxy would have run them: same calls, same replay, same exceptions.
 */
class TypedClientFacadeTest {

    private final List<String> received = new ArrayList<>();

    /** A stand-in for the MicroProfile Rest Client's proxy: records each call and answers with {@code answer}. */
    private EventsClient client(Function<Integer, Object> answer) {
        return (EventsClient) Proxy.newProxyInstance(EventsClient.class.getClassLoader(),
                new Class<?>[]{EventsClient.class}, (proxy, method, args) -> {
                    received.add(method.getName() + (args == null ? "()" : List.of(args.length)));
                    Object result = answer.apply(received.size());
                    if (result instanceof RuntimeException e) {
                        throw e;
                    }
                    return result;
                });
    }

    @Test
    void aTypedMethodRunsOnTheFacadeAndSendsOneRequestThroughTheClient() {
        Event event = Event.of("host", "Konzert", "CHF");
        List<Event> page = List.of(event);
        EventsClient events = TypedClientFacade.over(EventsClient.class,
                client(call -> call == 1 ? page : event));

        assertThat(events.list()).isSameAs(page);
        assertThat(events.get("pid-1")).isSameAs(event);

        // the wrapped client saw the one-request methods only, never the typed ones
        assertThat(received).containsExactly("httpList[1]", "httpGet[2]");
    }

    @Test
    void aRejectedTokenIsReplayedOnceThroughTheFacade() {
        List<Event> page = List.of();
        EventsClient events = TypedClientFacade.over(EventsClient.class,
                client(call -> call == 1 ? rejected() : page));

        assertThat(events.list()).isSameAs(page);

        assertThat(received).containsExactly("httpList[1]", "httpList[1]");
    }

    @Test
    void theClientsExceptionsArriveAsTheyWereThrown() {
        RecordNotFoundException missing = new RecordNotFoundException("TPC0201: GET /events/x: 404", 404, "GET",
                "/events/x", "");
        EventsClient events = TypedClientFacade.over(EventsClient.class, client(call -> missing));

        assertThatThrownBy(() -> events.get("x")).isSameAs(missing);
        assertThatThrownBy(() -> events.httpGet("x", null)).isSameAs(missing);
        assertThatThrownBy(events::list).isSameAs(missing);
    }

    @Test
    void aSecondRejectionArrivesAsTheTypedException() {
        TokenRejectedException second = rejected();
        EventsClient events = TypedClientFacade.over(EventsClient.class,
                client(call -> call == 1 ? rejected() : second));

        assertThatThrownBy(events::count).isSameAs(second);
        assertThat(received).containsExactly("httpHead[1]", "httpHead[1]");
    }

    @Test
    void objectMethodsAreTheFacadesOwnAndNeverReachTheClient() {
        EventsClient events = TypedClientFacade.over(EventsClient.class, client(call -> null));
        EventsClient other = TypedClientFacade.over(EventsClient.class, client(call -> null));

        assertThat(events).isEqualTo(events).isNotEqualTo(other).hasSameHashCodeAs(events);
        assertThat(events.hashCode()).isEqualTo(System.identityHashCode(events));
        assertThat(events).hasToString("EventsClient[Ticketpark client]");
        assertThat(received).isEmpty();
    }

    private static TokenRejectedException rejected() {
        return new TokenRejectedException("TPC0201: GET /events/: 401", 401, "GET", "/events/", "");
    }
}
