package ch.ticketpark.sandbox.client;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * MicroProfile Config for the tests (registered as a service): properties from {@link #PROPERTIES}, as a deployment's
 * server.xml variables would be.
 */
public final class MapConfigResolver extends ConfigProviderResolver {

    static final Map<String, String> PROPERTIES = new ConcurrentHashMap<>();

    @Override
    public Config getConfig() {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[]{Config.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getOptionalValue")) {
                        return Optional.ofNullable(PROPERTIES.get((String) arguments[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Override
    public Config getConfig(ClassLoader loader) {
        return getConfig();
    }

    @Override
    public ConfigBuilder getBuilder() {
        throw new UnsupportedOperationException("getBuilder");
    }

    @Override
    public void registerConfig(Config config, ClassLoader classLoader) {
        throw new UnsupportedOperationException("registerConfig");
    }

    @Override
    public void releaseConfig(Config config) {
        throw new UnsupportedOperationException("releaseConfig");
    }
}
