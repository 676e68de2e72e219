package ch.ticketpark.client.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

import ch.ticketpark.client.internal.config.TicketparkConfig;

/** A MicroProfile Config of string properties, for tests; a property that is not there is absent for any type. */
public final class MapConfig implements Config {

    private final Map<String, String> properties;

    public MapConfig(Map<String, String> properties) {
        this.properties = new HashMap<>(properties);
    }

    /** The configuration of a working client whose API (and token endpoint) is at the given base URL. */
    public static Map<String, String> valid(String apiUrl) {
        Map<String, String> properties = new HashMap<>();
        properties.put(TicketparkConfig.API_URL, apiUrl);
        properties.put(TicketparkConfig.CLIENT_KEY, Fixtures.CLIENT_KEY);
        properties.put(TicketparkConfig.CLIENT_SECRET, Fixtures.CLIENT_SECRET);
        properties.put(TicketparkConfig.USERNAME, Fixtures.USERNAME);
        properties.put(TicketparkConfig.PASSWORD, Fixtures.PASSWORD);
        return properties;
    }

    /**
     * @param overrides keys on top of {@link #valid(String)}; an empty value removes the key
     * @return the configuration of a client whose API (and token endpoint) is at the given base URL
     */
    public static TicketparkConfig load(String apiUrl, Map<String, String> overrides) {
        Map<String, String> properties = valid(apiUrl);
        properties.putAll(overrides);
        properties.values().removeIf(String::isEmpty);
        return TicketparkConfig.load(new MapConfig(properties));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
        String value = properties.get(propertyName);
        if (value != null && propertyType != String.class) {
            throw new UnsupportedOperationException(propertyType.getName());
        }
        return (Optional<T>) Optional.ofNullable(value);
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        return getOptionalValue(propertyName, propertyType).orElseThrow();
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return List.copyOf(properties.keySet());
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
