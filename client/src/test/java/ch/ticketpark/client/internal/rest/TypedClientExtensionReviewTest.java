package ch.ticketpark.client.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

import ch.ticketpark.client.api.EventsClient;

/**
 * Review of bea6051. Weld fires {@code ProcessInjectionPoint} whenever it builds an injection point while the event
 * is observed, also after deployment: {@code Unmanaged<T>}, {@code BeanManager.createInjectionTarget} (Bean
 * Validation's constraint validators, JPA entity listeners, other extensions' beans added in
 * {@code AfterBeanDiscovery}). An injection point seen only then is still redirected to {@code @TypedClient}, but no
 * facade bean exists for its type: unsatisfied where {@code @RestClient} used to work.
 */
class TypedClientExtensionReviewTest {

    private final List<String> added = new ArrayList<>();
    private final List<String> redirected = new ArrayList<>();

    @Test
    void anInjectionPointSeenAfterBeanDiscoveryIsNotRedirectedToABeanThatWasNeverAdded() {
        TypedClientExtension extension = new TypedClientExtension();

        extension.addFacades(afterBeanDiscovery(), null);
        extension.redirect(processInjectionPoint());

        // either the point keeps @RestClient (the MicroProfile bean), or a facade bean for its type exists
        if (!redirected.isEmpty()) {
            assertThat(added).as("facade beans added for redirected points").contains(EventsClient.class.getName());
        }
    }

    @SuppressWarnings("unchecked")
    private ProcessInjectionPoint<EventsClient, Object> processInjectionPoint() {
        InjectionPoint point = (InjectionPoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{InjectionPoint.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getType" -> EventsClient.class;
                    case "getQualifiers" -> Set.of(RestClient.LITERAL);
                    default -> null;
                });
        Object configurator = selfReturning(
                jakarta.enterprise.inject.spi.configurator.InjectionPointConfigurator.class, redirected);
        return (ProcessInjectionPoint<EventsClient, Object>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ProcessInjectionPoint.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInjectionPoint" -> point;
                    case "configureInjectionPoint" -> configurator;
                    default -> null;
                });
    }

    private AfterBeanDiscovery afterBeanDiscovery() {
        List<String> calls = new ArrayList<>();
        Object bean = Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{jakarta.enterprise.inject.spi.configurator.BeanConfigurator.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("beanClass")) {
                        added.add(((Class<?>) args[0]).getName());
                    }
                    calls.add(method.getName());
                    return proxy;
                });
        return (AfterBeanDiscovery) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{AfterBeanDiscovery.class},
                (proxy, method, args) -> method.getName().equals("addBean") && args == null ? bean : null);
    }

    private Object selfReturning(Class<?> type, List<String> calls) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            calls.add(method.getName());
            return proxy;
        });
    }
}
