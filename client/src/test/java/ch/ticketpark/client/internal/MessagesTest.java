package ch.ticketpark.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void everyMessageHasItsOwnCode() throws Exception {
        List<String> codes = new ArrayList<>();
        Pattern code = Pattern.compile("^(TPC\\d{4}): ");
        for (Method method : Messages.class.getDeclaredMethods()) {
            if (!Modifier.isStatic(method.getModifiers()) || !Modifier.isPublic(method.getModifiers())
                    || method.isSynthetic()) {
                continue;
            }
            Object[] arguments = new Object[method.getParameterCount()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = example(method.getParameterTypes()[i]);
            }
            method.setAccessible(true);
            String message = (String) method.invoke(null, arguments);
            Matcher matcher = code.matcher(message);
            assertThat(matcher.find()).as(method.getName() + ": " + message).isTrue();
            codes.add(matcher.group(1));
        }
        assertThat(codes).doesNotHaveDuplicates().contains("TPC0100", "TPC0110");
    }

    private static Object example(Class<?> type) {
        if (type == int.class) {
            return 503;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == List.class) {
            return List.of("problem");
        }
        if (type == Throwable.class || type == RuntimeException.class) {
            return new IllegalStateException("cause");
        }
        return "text";
    }
}
