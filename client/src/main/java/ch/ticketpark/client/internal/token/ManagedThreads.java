package ch.ticketpark.client.internal.token;

import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import ch.ticketpark.client.internal.Messages;

/**
 * Finds the server's managed thread factory once, while the application starts: {@code java:comp} names resolve on
 * the application's own threads only, and the token manager may be created first on any thread (a timer, a thread
 * of a library), where the lookup would fail for the life of the application.
 */
@ApplicationScoped
public class ManagedThreads {

    private static final Logger LOG = Logger.getLogger(ManagedThreads.class.getName());
    private static final String MANAGED_THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

    private volatile ThreadFactory factory;
    private volatile boolean looked;

    void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
        lookUp();
    }

    /** @return the managed thread factory, or {@code null} if the server has none */
    ThreadFactory factory() {
        if (!looked) {
            lookUp(); // the start event has not reached this bean: the lookup is on the current thread then
        }
        return factory;
    }

    private synchronized void lookUp() {
        if (looked) {
            return;
        }
        try {
            factory = InitialContext.doLookup(MANAGED_THREAD_FACTORY);
        } catch (NamingException | RuntimeException e) {
            LOG.info(Messages.noManagedThreadFactory());
        }
        looked = true;
    }
}
