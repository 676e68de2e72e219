package ch.ticketpark.bench;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/** The library's configuration as MicroProfile Config gives it, from string properties: what it reads, no more. */
final class MapConfig {

    private MapConfig() {
    }

    static Config of(Map<String, String> properties) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[]{Config.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getOptionalValue" -> Optional.ofNullable(properties.get((String) arguments[0]));
                    case "getValue" -> Optional.ofNullable(properties.get((String) arguments[0]))
                            .orElseThrow(() -> new NoSuchElementException((String) arguments[0]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
