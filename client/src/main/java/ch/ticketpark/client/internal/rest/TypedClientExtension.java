package ch.ticketpark.client.internal.rest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import ch.ticketpark.client.Ticketpark;

/**
 * Injects the library's typed clients ({@code @Inject @RestClient EventsClient}) as a {@link TypedClientFacade} over
 * the MicroProfile Rest Client's bean, so that their typed methods are plain calls. Only injection points of the
 * library's own interfaces with {@code @RestClient} alone are redirected; a programmatic lookup
 * ({@code CDI.current().select(...)}) and the application's interfaces get the MicroProfile Rest Client's bean as they
 * are, which behaves the same, only slower.
 */
public class TypedClientExtension implements Extension {

    private static final String API_PACKAGE = "ch.ticketpark.client.api";

    private final Set<Class<?>> redirected = ConcurrentHashMap.newKeySet();
    /** Set once the facade beans are added: a point seen later (Weld builds some at run time) keeps its bean. */
    private volatile boolean beansAdded;

    <T, X> void redirect(@Observes ProcessInjectionPoint<T, X> event) {
        InjectionPoint point = event.getInjectionPoint();
        if (!beansAdded && point.getType() instanceof Class<?> type && isTypedClient(type)
                && point.getQualifiers().size() == 1 && point.getQualifiers().iterator().next() instanceof RestClient) {
            redirected.add(type);
            event.configureInjectionPoint().type(Object.class).qualifiers(new TypedClient.Literal(type));
        }
    }

    void addFacades(@Observes AfterBeanDiscovery event, BeanManager manager) {
        beansAdded = true;
        for (Class<?> type : redirected) {
            addFacade(event, manager, type);
        }
    }

    private static <T> void addFacade(AfterBeanDiscovery event, BeanManager manager, Class<T> type) {
        event.addBean().beanClass(type).types(Object.class).qualifiers(new TypedClient.Literal(type))
                .scope(Dependent.class).createWith(context -> {
                    Bean<?> client = manager.resolve(manager.getBeans(type, RestClient.LITERAL));
                    T reference = type.cast(manager.getReference(client, type, context));
                    return isMicroProfileClient(client, type) ? TypedClientFacade.over(type, reference) : reference;
                });
    }

    /**
     * The MicroProfile Rest Client's own bean, whose typed methods are the interface's: not an application's stand-in
     * (an alternative or a producer of a test double), whose own methods must run as they are.
     */
    static boolean isMicroProfileClient(Bean<?> bean, Class<?> type) {
        return bean.getBeanClass() == type;
    }

    private static boolean isTypedClient(Class<?> type) {
        RegisterRestClient registration = type.getAnnotation(RegisterRestClient.class);
        return type.isInterface() && API_PACKAGE.equals(type.getPackageName()) && registration != null
                && Ticketpark.CONFIG_KEY.equals(registration.configKey());
    }
}
