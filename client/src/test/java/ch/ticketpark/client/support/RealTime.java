package ch.ticketpark.client.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks a test that waits in real time, because what it proves is a real timeout or a real delay (a read timeout, an
 * answer that arrives late). The build runs it; the mutation run leaves it out ({@code excludedGroups} in the
 * client's {@code mutation} profile), where it would cost seconds for every mutant it covers.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Tag("real-time")
public @interface RealTime {
}
