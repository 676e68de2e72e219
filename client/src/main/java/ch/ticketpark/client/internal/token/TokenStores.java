package ch.ticketpark.client.internal.token;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import ch.ticketpark.client.exception.TicketparkException;
import ch.ticketpark.client.internal.Messages;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.store.FileTokenStore;
import ch.ticketpark.client.internal.store.JdbcTokenStore;
import ch.ticketpark.client.internal.store.MemoryTokenStore;
import ch.ticketpark.client.spi.LockingTokenStore;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;

/**
 * The built-in store that {@code ticketpark.token-store} names, for an application without a {@link TokenStore} bean
 * of its own. The account is the client key and the user ({@code ticketpark.username}, empty if unset).
 */
final class TokenStores {

    private TokenStores() {
    }

    static TokenStore configured(TicketparkConfig config) {
        String username = config.username().orElse("");
        return switch (config.tokenStore()) {
            case TicketparkConfig.MEMORY_STORE -> new MemoryTokenStore();
            case TicketparkConfig.JDBC_STORE -> jdbc(config, username);
            default -> new FileTokenStore(directory(config), config.clientKey(), username);
        };
    }

    /** Whether it is one of the library's stores, whose {@code toString()} names where it keeps tokens, never one. */
    static boolean isBuiltIn(TokenStore store) {
        return store instanceof FileTokenStore || store instanceof MemoryTokenStore || store instanceof JdbcTokenStore
                || store instanceof CreatingTable;
    }

    /** The configured directory, or the default under the working directory: Liberty's server output directory. */
    static Path directory(TicketparkConfig config) {
        return Path.of(config.tokenStoreDirectory().orElse(TicketparkConfig.DEFAULT_DIRECTORY)).toAbsolutePath();
    }

    private static TokenStore jdbc(TicketparkConfig config, String username) {
        String name = config.tokenStoreDatasource().orElseThrow();
        DataSource dataSource;
        try {
            dataSource = InitialContext.doLookup(name);
        } catch (NamingException | ClassCastException e) {
            throw new TicketparkException(Messages.dataSourceNotFound(name, e));
        }
        JdbcTokenStore store = new JdbcTokenStore(dataSource, config.tokenStoreTable(),
                config.clientKey() + "/" + username, config.connectTimeout().plus(config.readTimeout()));
        return config.tokenStoreCreateTable() ? new CreatingTable(store) : store;
    }

    /**
     * Creates the table at the first use, on the thread that uses the store (the library's own, outside any
     * transaction of the application), not on the thread that builds the client.
     */
    private static final class CreatingTable implements LockingTokenStore {

        private final JdbcTokenStore store;
        private final AtomicBoolean created = new AtomicBoolean();

        CreatingTable(JdbcTokenStore store) {
            this.store = store;
        }

        private JdbcTokenStore table() {
            if (!created.get()) {
                store.createTableIfMissing();
                created.set(true);
            }
            return store;
        }

        @Override
        public Optional<StoredTokens> load() {
            return table().load();
        }

        @Override
        public boolean compareAndSet(long expectedVersion, StoredTokens next) {
            return table().compareAndSet(expectedVersion, next);
        }

        @Override
        public Optional<Claim> claim(Duration wait) {
            return table().claim(wait);
        }

        @Override
        public String toString() {
            return store.toString();
        }
    }
}
