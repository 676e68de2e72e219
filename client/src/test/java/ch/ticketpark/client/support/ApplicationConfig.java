package ch.ticketpark.client.support;

import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * The MicroProfile Config of an application, as code that runs on the application's threads finds it: the current
 * thread's context class loader is the application's until {@link #close()}, and
 * {@code ConfigProvider.getConfig(loader)} answers these properties for it.
 */
public final class ApplicationConfig implements AutoCloseable {

    private final Thread thread = Thread.currentThread();
    private final ClassLoader previous = thread.getContextClassLoader();
    private final Config config;

    private ApplicationConfig(Map<String, String> properties) {
        config = new MapConfig(properties);
        ClassLoader application = new ClassLoader(previous) {
        };
        ConfigProviderResolver.instance().registerConfig(config, application);
        thread.setContextClassLoader(application);
    }

    public static ApplicationConfig of(Map<String, String> properties) {
        return new ApplicationConfig(properties);
    }

    @Override
    public void close() {
        thread.setContextClassLoader(previous);
        ConfigProviderResolver.instance().releaseConfig(config);
    }
}
