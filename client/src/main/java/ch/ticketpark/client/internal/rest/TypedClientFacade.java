package ch.ticketpark.client.internal.rest;

import java.io.Closeable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * One of the library's typed clients as the application gets it injected: its typed methods (the default methods of
 * the interface, such as {@code list()}) run here, and only the methods that send a request ({@code httpList(…)},
 * abstract) go to the MicroProfile Rest Client's proxy. Open Liberty's proxy looks a method handle up by reflection
 * on every call of a default method, and passes the call through its handler twice; here it is one direct call.
 */
final class TypedClientFacade implements InvocationHandler {

    private final Class<?> type;
    private final Object client;

    private TypedClientFacade(Class<?> type, Object client) {
        this.type = type;
        this.client = client;
    }

    /**
     * @param type the typed client's interface
     * @param client the MicroProfile Rest Client's proxy for it (or a contextual reference to it)
     * @return the facade, an instance of {@code type}
     */
    static <T> T over(Class<T> type, T client) {
        // closeable where the client is (the MicroProfile proxy of a @Dependent client): close() reaches it
        Class<?>[] interfaces = client instanceof Closeable
                ? new Class<?>[]{type, Closeable.class}
                : new Class<?>[]{type};
        return type
                .cast(Proxy.newProxyInstance(type.getClassLoader(), interfaces, new TypedClientFacade(type, client)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> type.getSimpleName() + "[Ticketpark client]";
            };
        }
        try {
            return method.invoke(client, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
