package ch.ticketpark.client.support;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.internal.rest.TicketparkRestClientListener;

/**
 * Ticketpark REST clients as the library builds them (the MicroProfile Rest Client implementation of Open Liberty,
 * RESTEasy, with the providers {@link TicketparkRestClientListener} registers), closed after each test; for
 * {@code @RegisterExtension}.
 */
public final class TicketparkClients implements AfterEachCallback {

    private final List<AutoCloseable> clients = new CopyOnWriteArrayList<>();

    /** A client of this interface for the API at this base URL, authenticated with these tokens. */
    public <T> T build(Class<T> type, String apiUrl, TicketparkTokens tokens) {
        RestClientBuilder builder = RestClientBuilder.newBuilder().baseUri(URI.create(apiUrl));
        TicketparkRestClientListener.register(builder, () -> tokens, () -> URI.create(apiUrl));
        T client = builder.build(type);
        clients.add((AutoCloseable) client);
        return client;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        clients.clear();
    }
}
