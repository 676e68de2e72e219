package ch.ticketpark.client.support;

import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * A MicroProfile Config implementation without any property, so that the MicroProfile Rest Client implementation
 * runs in unit tests with its defaults.
 */
public final class EmptyConfigProviderResolver extends ConfigProviderResolver {

    private static final Config EMPTY = new MapConfig(Map.of());

    @Override
    public Config getConfig() {
        return EMPTY;
    }

    @Override
    public Config getConfig(ClassLoader loader) {
        return EMPTY;
    }

    @Override
    public ConfigBuilder getBuilder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void registerConfig(Config config, ClassLoader classLoader) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void releaseConfig(Config config) {
    }
}
