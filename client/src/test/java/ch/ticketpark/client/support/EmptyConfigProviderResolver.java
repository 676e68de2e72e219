package ch.ticketpark.client.support;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A MicroProfile Config implementation without any property, so that the MicroProfile Rest Client implementation
 * runs in unit tests with its defaults.
 */
public final class EmptyConfigProviderResolver extends ConfigProviderResolver {

    private static final Config EMPTY = new EmptyConfig();

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

    private static final class EmptyConfig implements Config {

        @Override
        public <T> T getValue(String propertyName, Class<T> propertyType) {
            throw new java.util.NoSuchElementException(propertyName);
        }

        @Override
        public ConfigValue getConfigValue(String propertyName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
            return Optional.empty();
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return List.of();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new IllegalArgumentException(type.getName());
        }
    }
}
