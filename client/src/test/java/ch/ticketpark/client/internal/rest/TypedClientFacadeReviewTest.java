package ch.ticketpark.client.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.spi.Bean;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.api.EventsClient;
import ch.ticketpark.client.model.Event;

/**
 * Review of bea6051: what a caller could rely on with the {@code @RestClient} bean it got injected before, and what
 * the facade now does instead.
 */
class TypedClientFacadeReviewTest {

    /**
     * The extension wrapped whatever {@code @RestClient EventsClient} bean resolves: with an {@code @Alternative}
     * stand-in (or a producer of a Mockito mock) in the application's tests, that is the stand-in. Its typed methods
     * were bypassed: the facade ran the interface's default method and sent the stand-in an {@code httpList} it never
     * expected. Now only the MicroProfile Rest Client's own bean (its bean class is the interface, as Open Liberty's
     * {@code RestClientDelegateBean} answers) is wrapped; a stand-in is injected as it is.
     */
    @Test
    void onlyTheMicroProfileClientsOwnBeanIsWrappedNeverAStandIn() {
        List<Event> page = List.of(Event.of("host", "Konzert", "CHF"));
        List<String> calls = new ArrayList<>();
        EventsClient standIn = new StandInEvents(page, calls);

        assertThat(TypedClientExtension.isMicroProfileClient(beanOfClass(EventsClient.class), EventsClient.class))
                .isTrue();
        assertThat(TypedClientExtension.isMicroProfileClient(beanOfClass(standIn.getClass()), EventsClient.class))
                .isFalse();
        // a producer's bean class is the class that declares the producer
        assertThat(TypedClientExtension.isMicroProfileClient(beanOfClass(getClass()), EventsClient.class)).isFalse();
    }

    private static Bean<?> beanOfClass(Class<?> beanClass) {
        return (Bean<?>) Proxy.newProxyInstance(Bean.class.getClassLoader(), new Class<?>[]{Bean.class},
                (proxy, method, args) -> method.getName().equals("getBeanClass") ? beanClass : null);
    }

    /**
     * Open Liberty's (RESTEasy's) MicroProfile Rest Client proxy implements {@link Closeable} (and RESTEasy's
     * {@code RestClientProxy}), and the MicroProfile Rest Client specification lets callers close a client by casting
     * it. The injected facade implements the typed interface only: {@code ((Closeable) events).close()} now throws
     * {@link ClassCastException}, {@code events instanceof AutoCloseable} is false.
     */
    @Test
    void theInjectedClientIsStillCloseableAsTheMicroProfileProxyWas() throws Exception {
        List<String> calls = new ArrayList<>();
        Object mpProxy = Proxy.newProxyInstance(EventsClient.class.getClassLoader(),
                new Class<?>[]{EventsClient.class, Closeable.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return null;
                });
        assertThat(mpProxy).isInstanceOf(Closeable.class);

        EventsClient injected = TypedClientFacade.over(EventsClient.class, (EventsClient) mpProxy);

        assertThat(injected).isInstanceOf(Closeable.class);
        ((Closeable) injected).close();
        assertThat(calls).containsExactly("close");
    }

    /** A test double as applications write them: overrides the typed method it needs, nothing else. */
    private static final class StandInEvents implements EventsClient {

        private final List<Event> page;
        private final List<String> calls;

        StandInEvents(List<Event> page, List<String> calls) {
            this.page = page;
            this.calls = calls;
        }

        @Override
        public List<Event> list() {
            calls.add("list");
            return page;
        }

        @Override
        public List<Event> httpList(Query query) {
            calls.add("httpList");
            throw new UnsupportedOperationException("not expected in this test");
        }

        @Override
        public Event httpGet(String pid, Query query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public jakarta.ws.rs.core.Response httpHead(Query query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public jakarta.ws.rs.core.Response httpPost(Event record) {
            throw new UnsupportedOperationException();
        }

        @Override
        public jakarta.ws.rs.core.Response httpPostAll(List<Event> records) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void httpPatch(String pid, Event changes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void httpPatchAll(List<Event> changes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void httpDelete(String pid) {
            throw new UnsupportedOperationException();
        }
    }
}
