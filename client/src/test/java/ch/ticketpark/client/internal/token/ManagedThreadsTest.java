package ch.ticketpark.client.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

import javax.naming.Context;
import javax.naming.spi.InitialContextFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.support.Stubs;

class ManagedThreadsTest {

    private static final ThreadFactory SERVERS_FACTORY = Thread::new;

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private final ManagedThreads threads = new ManagedThreads();

    @Test
    void withoutAServerThereIsNoFactoryAndThatIsSaidOnce() {
        assertThat(threads.factory()).isNull();
        assertThat(threads.factory()).isNull();
        threads.started(new Object());

        assertThat(log.records()).singleElement().extracting(record -> record.getLoggerName())
                .isEqualTo(ManagedThreads.class.getName());
    }

    @Test
    void theLookupIsMadeWhenTheApplicationStartsAndNotAgain() {
        threads.started(new Object());

        assertThat(log.records()).hasSize(1);
        assertThat(threads.factory()).isNull();
        assertThat(log.records()).hasSize(1);
    }

    @Test
    void withoutTheStartEventTheFirstCallLooksUp() {
        assertThat(threads.factory()).isNull();

        assertThat(log.records()).hasSize(1);
    }

    @Test
    void theServersFactoryFoundAtTheStartIsKeptForLaterCalls() {
        String previous = System.setProperty(Context.INITIAL_CONTEXT_FACTORY, ServerNaming.class.getName());
        try {
            threads.started(new Object());
        } finally {
            restore(previous);
        }

        // no server any more: only the answer found at the start can come back
        assertThat(threads.factory()).isSameAs(SERVERS_FACTORY);
        assertThat(log.records()).isEmpty();
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        } else {
            System.setProperty(Context.INITIAL_CONTEXT_FACTORY, previous);
        }
    }

    /** A server's naming, which knows its default managed thread factory only. */
    public static final class ServerNaming implements InitialContextFactory {

        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            return Stubs.of(Context.class, Map.of("lookup",
                    args -> "java:comp/DefaultManagedThreadFactory".equals(String.valueOf(args[0]))
                            ? SERVERS_FACTORY
                            : null));
        }
    }
}
