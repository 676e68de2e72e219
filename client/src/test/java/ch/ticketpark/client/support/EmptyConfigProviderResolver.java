package ch.ticketpark.client.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * A MicroProfile Config implementation without any property, so that the MicroProfile Rest Client implementation
 * runs in unit tests with its defaults; a test may register a configuration for a class loader of its own
 * ({@link ApplicationConfig}).
 */
public final class EmptyConfigProviderResolver extends ConfigProviderResolver {

    private static final Config EMPTY = new MapConfig(Map.of());

    private final Map<ClassLoader, Config> registered = new ConcurrentHashMap<>();

    @Override
    public Config getConfig() {
        return getConfig(Thread.currentThread().getContextClassLoader());
    }

    @Override
    public Config getConfig(ClassLoader loader) {
        return loader == null ? EMPTY : registered.getOrDefault(loader, EMPTY);
    }

    @Override
    public ConfigBuilder getBuilder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void registerConfig(Config config, ClassLoader classLoader) {
        registered.put(classLoader, config);
    }

    @Override
    public void releaseConfig(Config config) {
        registered.values().remove(config);
    }
}
