package it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.client.api.EventsClient;
import ch.ticketpark.sandbox.client.RecordedRequest;
import ch.ticketpark.sandbox.client.SandboxControl;

/**
 * The library's typed clients, injected with {@code @Inject @RestClient} into an enterprise bean's fields or a CDI
 * bean's constructor, are the library's facade over the MicroProfile Rest Client: their typed methods run as plain
 * calls, and each still sends exactly one request with the token. The application's own interfaces, and a
 * programmatic lookup, get the MicroProfile Rest Client's proxy as before, and it works the same.
 */
@ExtendWith(ArquillianExtension.class)
class TypedClientInjectionIT {

    private static final String FACADE = "ch.ticketpark.client.internal.rest.TypedClientFacade";

    @Deployment
    static WebArchive deployment() {
        return ApiDeployments.war("typed-client-injection-it", ConstructorInjected.class);
    }

    /** A CDI bean that takes the client in its constructor. */
    @RequestScoped
    public static class ConstructorInjected {

        private final EventsClient events;

        @Inject
        public ConstructorInjected(@RestClient EventsClient events) {
            this.events = events;
        }

        /** For the CDI client proxy only. */
        protected ConstructorInjected() {
            this(null);
        }

        public EventsClient events() {
            return events;
        }
    }

    @Inject
    Api api;

    @Inject
    ConstructorInjected constructorInjected;

    @Inject
    @Any
    Instance<EventsClient> anyEvents;

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
    }

    @Test
    void theEnterpriseBeansTypedClientsAreTheFacadeAndItsOwnInterfaceIsNot() {
        List<Object> typed = api.call(a -> List.of(a.events, a.shows, a.venues, a.sectors, a.prices, a.persons,
                a.bookings, a.eventBookings, a.bookingTickets, a.email));
        Object own = api.call(a -> a.own);

        assertThat(typed).allSatisfy(client -> assertThat(handlerOf(client)).as(client.toString()).isEqualTo(FACADE));
        assertThat(handlerOf(own)).isNotEqualTo(FACADE);
    }

    @Test
    void aTypedCallThroughTheFacadeSendsExactlyOneRequestWithTheToken() {
        api.call(a -> a.events.list()); // the first call also obtains the token
        long before = sandbox.stats().apiRequests();

        int listed = api.call(a -> a.events.list()).size();

        assertThat(listed).isPositive();
        assertThat(sandbox.stats().apiRequests() - before).isEqualTo(1);
        RecordedRequest request = sandbox.requests("api", 1).get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/events/");
        assertThat(request.bearer()).isEqualTo("valid");
    }

    @Test
    void aConstructorInjectedClientIsTheFacadeAndWorks() {
        EventsClient events = constructorInjected.events();

        assertThat(handlerOf(events)).isEqualTo(FACADE);
        assertThat(events.list()).isNotEmpty();
        assertThat(events.count()).isPositive();
    }

    @Test
    void aProgrammaticLookupGetsTheMicroProfileClientAndItWorksTheSame() {
        EventsClient events = CDI.current().select(EventsClient.class, RestClient.LITERAL).get();

        assertThat(handlerOf(events)).isNotEqualTo(FACADE);
        assertThat(events.list()).isNotEmpty();
    }

    @Test
    void aLookupWithAnyStillFindsOneClient() {
        assertThat(anyEvents.isResolvable()).isTrue();
        assertThat(anyEvents.get().list()).isNotEmpty();
    }

    /** The class of the client's invocation handler, or its own class when it is no JDK proxy. */
    private static String handlerOf(Object client) {
        return Proxy.isProxyClass(client.getClass())
                ? Proxy.getInvocationHandler(client).getClass().getName()
                : client.getClass().getName();
    }
}
