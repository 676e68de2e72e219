package ch.ticketpark.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

import ch.ticketpark.client.api.AnnotationsClient;
import ch.ticketpark.client.api.BookingTicketsClient;
import ch.ticketpark.client.api.BookingsClient;
import ch.ticketpark.client.api.EmailClient;
import ch.ticketpark.client.api.EventBookingsClient;
import ch.ticketpark.client.api.EventsClient;
import ch.ticketpark.client.api.OptionsClient;
import ch.ticketpark.client.api.PersonsClient;
import ch.ticketpark.client.api.PricesClient;
import ch.ticketpark.client.api.SectorsClient;
import ch.ticketpark.client.api.ShowsClient;
import ch.ticketpark.client.api.TicketOptionGroupsClient;
import ch.ticketpark.client.api.TicketOptionLimitationsClient;
import ch.ticketpark.client.api.TicketOptionsClient;
import ch.ticketpark.client.api.TicketsClient;
import ch.ticketpark.client.api.VenuesClient;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.observe.EventDispatcher;
import ch.ticketpark.client.internal.observe.Observers;
import ch.ticketpark.client.internal.observe.TokenObserver;
import ch.ticketpark.client.internal.rest.BearerTokenFilter;
import ch.ticketpark.client.internal.rest.TicketparkRestClientListener;
import ch.ticketpark.client.internal.store.FileTokenStore;
import ch.ticketpark.client.internal.token.TokenManager;
import ch.ticketpark.client.internal.token.TokenThreads;

/**
 * One application's use of the library, outside a container, built part by part as the library's CDI wiring builds
 * it: the token manager as {@code TicketparkProducer} makes it (its own threads, the event dispatcher with its thread,
 * the default {@code file} token store; no telemetry, no CDI events), and each typed client as MicroProfile Rest
 * Client on RESTEasy builds it with the providers {@link TicketparkRestClientListener} registers. For the retained
 * heap: each part can be built and dropped on its own.
 */
final class LibraryUse implements AutoCloseable {

    /** Every typed client of {@code ch.ticketpark.client.api}. */
    static final List<Class<?>> TYPED_CLIENTS = List.of(AnnotationsClient.class, BookingTicketsClient.class,
            BookingsClient.class, EmailClient.class, EventBookingsClient.class, EventsClient.class,
            OptionsClient.class, PersonsClient.class, PricesClient.class, SectorsClient.class, ShowsClient.class,
            TicketOptionGroupsClient.class, TicketOptionLimitationsClient.class, TicketOptionsClient.class,
            TicketsClient.class, VenuesClient.class);

    /** The class path less the library's listener: MicroProfile Rest Client finds listeners through this loader. */
    private static final ClassLoader WITHOUT_LISTENER = new ClassLoader(LibraryUse.class.getClassLoader()) {

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.equals("META-INF/services/" + RestClientListener.class.getName())
                    ? Collections.emptyEnumeration()
                    : super.getResources(name);
        }
    };

    private final Path storeDirectory;
    private URI api;
    private TokenManager tokens;
    private BearerTokenFilter filter;
    private Client endpointClient;
    private List<Object> clients = List.of();

    LibraryUse(Path storeDirectory) {
        this.storeDirectory = storeDirectory;
    }

    /**
     * (a) The token manager and a filter, with one valid token held: the filter has put it on two requests.
     *
     * @param apiUrl the API's base URL and its token endpoint's
     */
    void startTokens(String apiUrl) {
        api = URI.create(apiUrl);
        TicketparkConfig config = config();
        TokenManager manager = new TokenManager(config, Clock.systemUTC(), new TokenThreads(null),
                TokenThreads.alarm(null),
                new FileTokenStore(storeDirectory, config.clientKey(), LoopbackTokenEndpoint.USERNAME),
                Observers.of(new EventDispatcher(TokenThreads.eventThread(null), event -> {
                }), TokenObserver.NONE));
        URI url = api;
        // the suppliers capture what they supply, not this holder: one part reaches no other
        tokens = manager;
        filter = new BearerTokenFilter(() -> manager, () -> url);
        filter.filter(new MinimalRequestContext(api.resolve("/events/")));
        // the second request finds the token valid and has it published as fresh: the alarm's thread and its ring
        filter.filter(new MinimalRequestContext(api.resolve("/events/")));
    }

    private TicketparkConfig config() {
        return TicketparkConfig.load(MapConfig.of(Map.of(
                TicketparkConfig.API_URL, api.toString(),
                TicketparkConfig.CLIENT_KEY, LoopbackTokenEndpoint.CLIENT_KEY,
                TicketparkConfig.CLIENT_SECRET, LoopbackTokenEndpoint.CLIENT_SECRET,
                TicketparkConfig.USERNAME, LoopbackTokenEndpoint.USERNAME,
                TicketparkConfig.PASSWORD, LoopbackTokenEndpoint.PASSWORD,
                TicketparkConfig.TOKEN_STORE, TicketparkConfig.FILE_STORE,
                TicketparkConfig.TOKEN_STORE_DIRECTORY, storeDirectory.toString())));
    }

    /**
     * A plain JAX-RS client built as the token endpoint builds its own, after one password grant as the token
     * endpoint sends it: RESTEasy's part of (a), with the connection it keeps for the next token request.
     */
    void openEndpointClient(String apiUrl) {
        TicketparkConfig config = config();
        endpointClient = ClientBuilder.newBuilder()
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property("dev.resteasy.client.follow.redirects", false)
                .property("jersey.config.client.followRedirects", false).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString((LoopbackTokenEndpoint.CLIENT_KEY + ":"
                + LoopbackTokenEndpoint.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        try (Response response = endpointClient.target(apiUrl + "/oauth/v2/token").request(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, basic)
                .post(Entity.form(new Form().param("grant_type", "password")
                        .param("username", LoopbackTokenEndpoint.USERNAME)
                        .param("password", LoopbackTokenEndpoint.PASSWORD)))) {
            if (response.getStatus() != 200 || !response.readEntity(String.class).contains("access_token")) {
                throw new IllegalStateException("no token: " + response.getStatus());
            }
        }
    }

    void closeEndpointClient() {
        endpointClient.close();
        endpointClient = null;
    }

    /**
     * (b) Every typed client: with the library's providers, as its listener registers them, or as RESTEasy builds the
     * same interfaces alone (the listener hidden), to tell RESTEasy's part.
     */
    void buildClients(boolean withLibrary) {
        List<Object> built = new ArrayList<>();
        TokenManager manager = tokens;
        URI url = api;
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        if (!withLibrary) {
            thread.setContextClassLoader(WITHOUT_LISTENER);
        }
        try {
            for (Class<?> type : TYPED_CLIENTS) {
                RestClientBuilder builder = RestClientBuilder.newBuilder().baseUri(url).followRedirects(false);
                if (withLibrary) {
                    TicketparkRestClientListener.register(builder, () -> manager, () -> url);
                }
                built.add(builder.build(type));
            }
        } finally {
            thread.setContextClassLoader(context);
        }
        clients = built;
    }

    void closeClients() throws Exception {
        for (Object client : clients) {
            ((AutoCloseable) client).close();
        }
        clients = List.of();
    }

    /** The roots of (a). */
    Object[] tokenParts() {
        return new Object[]{tokens, filter};
    }

    Object endpointClient() {
        return endpointClient;
    }

    List<Object> clients() {
        return clients;
    }

    @Override
    public void close() throws Exception {
        closeClients();
        if (endpointClient != null) {
            closeEndpointClient();
        }
        if (tokens != null) {
            tokens.close();
        }
    }
}
