package ch.ticketpark.client.support;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Skips the body of each test while a mutation run's minion (PIT) merely lists a test class's tests, and nowhere else.
 * PIT's JUnit 5 plugin lists them by running the whole class, and a minion does that for every test class of its
 * mutants each time it starts: at the first mutant of each class and again after each mutant that timed out (an
 * endless loop). Those runs' results are thrown away, and they cost about 20 s per start, more than half of the
 * mutation run. The tests themselves still run, bodies and all, for every mutant (and in surefire, and in the coverage
 * run that tells PIT which tests cover what): only a body run inside the listing of a mutation minion is skipped.
 * <p>
 * Registered for every test by {@code META-INF/services} and {@code junit.jupiter.extensions.autodetection.enabled}
 * ({@code junit-platform.properties}). It recognises the listing by the calling frames, PIT's test unit finder inside
 * its mutation minion; should a later PIT name them differently, the bodies simply run again.
 */
public final class MutationDiscovery implements InvocationInterceptor {

    private static final String FINDER = "org.pitest.junit5.JUnit5TestUnitFinder";
    private static final String MUTATION_MINION = "org.pitest.mutationtest.execute.MutationTestMinion";

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        proceedUnlessListing(invocation);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        proceedUnlessListing(invocation);
    }

    private static void proceedUnlessListing(Invocation<Void> invocation) throws Throwable {
        if (listingInAMutationMinion()) {
            invocation.skip();
        } else {
            invocation.proceed();
        }
    }

    static boolean listingInAMutationMinion() {
        Set<String> callers = StackWalker.getInstance()
                .walk(frames -> frames.map(StackWalker.StackFrame::getClassName).collect(Collectors.toSet()));
        return callers.contains(FINDER) && callers.contains(MUTATION_MINION);
    }
}
