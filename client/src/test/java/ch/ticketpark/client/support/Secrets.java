package ch.ticketpark.client.support;

import static ch.ticketpark.client.support.Fixtures.BASIC;
import static ch.ticketpark.client.support.Fixtures.SECRETS;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Where the test secrets ({@link Fixtures#SECRETS}) must not show, and what an object holds. */
public final class Secrets {

    private Secrets() {
    }

    /** Neither the message nor the {@code toString()} of the failure or any of its causes names a secret. */
    public static void assertNoSecretIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRETS).doesNotContain(BASIC.substring(6));
            assertThat(t.toString()).doesNotContain(SECRETS);
        }
    }

    /** Every string reachable from the object through the fields of the client's own classes. */
    public static List<String> held(Object root) throws IllegalAccessException {
        List<String> found = new ArrayList<>();
        collect(root, found, new IdentityHashMap<>());
        return found;
    }

    private static void collect(Object value, List<String> found, Map<Object, Boolean> seen)
            throws IllegalAccessException {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Enum<?>) {
            return; // a constant, no secret
        }
        if (value instanceof String text) {
            found.add(text);
        } else if (value instanceof Optional<?> optional) {
            collect(optional.orElse(null), found, seen);
        } else if (value instanceof AtomicReference<?> reference) {
            collect(reference.get(), found, seen);
        } else if (value.getClass().getName().startsWith("ch.ticketpark.")) {
            for (Class<?> type = value.getClass(); type != null; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                        field.setAccessible(true);
                        collect(field.get(value), found, seen);
                    }
                }
            }
        }
    }
}
