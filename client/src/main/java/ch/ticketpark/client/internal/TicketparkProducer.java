package ch.ticketpark.client.internal;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.spi.TokenStore;

/**
 * Produces the application's one {@link TokenManager}, exposed as {@link TicketparkTokens}.
 */
@Dependent
public class TicketparkProducer {

    private static final Logger LOG = Logger.getLogger(TicketparkProducer.class.getName());
    private static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";

    private final TicketparkExtension extension;
    private final Instance<TokenStore> stores;

    @Inject
    TicketparkProducer(TicketparkExtension extension, Instance<TokenStore> stores) {
        this.extension = extension;
        this.stores = stores;
    }

    @Produces
    @ApplicationScoped
    @Typed(TicketparkTokens.class)
    TokenManager tokenManager() {
        TokenStore store = stores.isUnsatisfied() ? TokenManager.NO_STORE : stores.get();
        TokenManager manager = new TokenManager(extension.config(), Clock.systemUTC(), managedExecutor(), store);
        extension.forgetSecrets();
        return manager;
    }

    void close(@Disposes TicketparkTokens tokens) {
        ((TokenManager) tokens).close();
    }

    private static Executor managedExecutor() {
        try {
            return InitialContext.doLookup(MANAGED_EXECUTOR);
        } catch (NamingException e) {
            LOG.info(Messages.noManagedExecutor());
            return Runnable::run;
        }
    }
}
