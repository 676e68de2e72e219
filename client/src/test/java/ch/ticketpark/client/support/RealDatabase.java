package ch.ticketpark.client.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that runs against a real PostgreSQL it starts itself. The build runs it; the mutation run leaves
 * it out ({@code excludedGroups} in the client's {@code mutation} profile), because the mutation run executes each test
 * on its own and would start a database for every one of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("real-database")
public @interface RealDatabase {
}
