package ch.ticketpark.sandbox.client;

import java.util.Optional;

/**
 * Reads a property from MicroProfile Config where it is present, without depending on it: by reflection, through the
 * thread's context class loader (an application's, inside a deployment), else this class's own.
 */
final class MicroProfileConfig {

    private static final String PROVIDER = "org.eclipse.microprofile.config.ConfigProvider";
    private static final String CONFIG = "org.eclipse.microprofile.config.Config";

    private MicroProfileConfig() {
    }

    /** The property's value, or {@code null} if it is unset or MicroProfile Config is absent or fails. */
    static String value(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[]{context, MicroProfileConfig.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                Object config = Class.forName(PROVIDER, true, loader).getMethod("getConfig").invoke(null);
                Optional<?> value = (Optional<?>) Class.forName(CONFIG, true, loader)
                        .getMethod("getOptionalValue", String.class, Class.class).invoke(config, name, String.class);
                return value.map(String::valueOf).orElse(null);
            } catch (ClassNotFoundException | LinkageError e) {
                // not on this loader's path: try the next one
            } catch (ReflectiveOperationException | RuntimeException e) {
                // no config for this context (e.g. no application running): as if unset
                return null;
            }
        }
        return null;
    }
}
