package ch.ticketpark.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.keycloak.admin.client.Config;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.token.TokenManager;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.observe.TokenObserver;
import ch.ticketpark.client.internal.rest.BearerTokenFilter;
import ch.ticketpark.client.internal.store.MemoryTokenStore;
import ch.ticketpark.client.internal.token.TokenThreads;

/**
 * The four ways to put a Bearer token on a request, each built as its users build it, against one token endpoint:
 * this library's filter with its token manager, Keycloak's admin-client {@code TokenManager}, Spring Security's
 * {@code AuthorizedClientServiceOAuth2AuthorizedClientManager} (outside a servlet request), and a constant header.
 */
final class Contenders implements AutoCloseable {

    /** The four, as the benchmarks name them. */
    enum Contender {

        OURS, KEYCLOAK, SPRING, BASELINE
    }

    static final String REGISTRATION = "ticketpark";
    static final String PRINCIPAL = "bench";

    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ticketpark-bench-token");
        thread.setDaemon(true);
        return thread;
    });
    private final String apiUrl;
    private final ch.ticketpark.client.internal.token.TokenManager ourTokens;
    private final BearerTokenFilter ours;
    private final Client keycloakClient;
    private final TokenManager keycloak;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager spring;
    private final StaticBearerFilter baseline;

    /**
     * All four.
     *
     * @param apiUrl the API and token endpoint's base URL
     * @param skew how long before expiry each peer refreshes (Keycloak counts whole seconds)
     */
    Contenders(String apiUrl, Duration skew) {
        this(apiUrl, skew, EnumSet.allOf(Contender.class));
    }

    /**
     * Only those named, so that a JVM runs no code of the others: calls of another one fail.
     *
     * @param apiUrl the API and token endpoint's base URL
     * @param skew how long before expiry each peer refreshes (Keycloak counts whole seconds)
     * @param built the contenders to build
     */
    Contenders(String apiUrl, Duration skew, Set<Contender> built) {
        this.apiUrl = apiUrl;
        if (built.contains(Contender.OURS)) {
            ourTokens = new ch.ticketpark.client.internal.token.TokenManager(TicketparkConfig.load(MapConfig.of(Map.of(
                    TicketparkConfig.API_URL, apiUrl,
                    TicketparkConfig.CLIENT_KEY, LoopbackTokenEndpoint.CLIENT_KEY,
                    TicketparkConfig.CLIENT_SECRET, LoopbackTokenEndpoint.CLIENT_SECRET,
                    TicketparkConfig.USERNAME, LoopbackTokenEndpoint.USERNAME,
                    TicketparkConfig.PASSWORD, LoopbackTokenEndpoint.PASSWORD,
                    TicketparkConfig.TOKEN_STORE, "memory",
                    TicketparkConfig.REFRESH_SKEW, skew.toString()))), Clock.systemUTC(), executor,
                    TokenThreads.alarm(null), new MemoryTokenStore(), TokenObserver.NONE);
            URI api = URI.create(apiUrl);
            ours = new BearerTokenFilter(() -> ourTokens, () -> api);
        } else {
            ourTokens = null;
            ours = null;
        }
        if (built.contains(Contender.KEYCLOAK)) {
            // as Keycloak.getInstance(...) builds it: RESTEasy with Keycloak's Jackson provider
            keycloakClient = Keycloak.getClientProvider().newRestEasyClient(null, null, false);
            keycloak = keycloak(keycloakClient, apiUrl, skew);
        } else {
            keycloakClient = null;
            keycloak = null;
        }
        spring = built.contains(Contender.SPRING) ? spring(apiUrl + "/oauth/v2/token", skew) : null;
        baseline = built.contains(Contender.BASELINE) ? new StaticBearerFilter("at-static") : null;
    }

    private static TokenManager keycloak(Client client, String serverUrl, Duration skew) {
        TokenManager manager = new TokenManager(new Config(serverUrl, "bench", LoopbackTokenEndpoint.USERNAME,
                LoopbackTokenEndpoint.PASSWORD, LoopbackTokenEndpoint.CLIENT_KEY, LoopbackTokenEndpoint.CLIENT_SECRET),
                client);
        manager.setMinTokenValidity(skew.toSeconds());
        return manager;
    }

    @SuppressWarnings("removal") // the password grant: deprecated in Spring Security, still Ticketpark's first grant
    private static AuthorizedClientServiceOAuth2AuthorizedClientManager spring(String tokenUri, Duration skew) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION).tokenUri(tokenUri)
                .clientId(LoopbackTokenEndpoint.CLIENT_KEY).clientSecret(LoopbackTokenEndpoint.CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.PASSWORD).build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
                registrations, new InMemoryOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .password(password -> password.clockSkew(skew))
                .refreshToken(refresh -> refresh.clockSkew(skew))
                .build());
        manager.setContextAttributesMapper(request -> Map.of(
                OAuth2AuthorizationContext.USERNAME_ATTRIBUTE_NAME, LoopbackTokenEndpoint.USERNAME,
                OAuth2AuthorizationContext.PASSWORD_ATTRIBUTE_NAME, LoopbackTokenEndpoint.PASSWORD));
        return manager;
    }

    /** A request to the API, for one thread's calls. */
    ClientRequestContext request() {
        return new MinimalRequestContext(URI.create(apiUrl + "/events/"));
    }

    /** This library: its real filter, with its real token manager behind it. */
    void ours(ClientRequestContext request) {
        ours.filter(request);
    }

    /** Keycloak: {@code getAccessTokenString()} (a synchronized {@code getAccessToken()}), and the same header put. */
    void keycloak(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + keycloakToken());
    }

    /** Spring: {@code authorize(OAuth2AuthorizeRequest)}, the request built per call as its users do, and the header. */
    void spring(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + springToken());
    }

    /** The baseline: a constant header. */
    void baseline(ClientRequestContext request) {
        baseline.filter(request);
    }

    /** A token, each contender's own way, for the expiry storm. */
    String ourToken() {
        return ourTokens.accessToken();
    }

    String keycloakToken() {
        return keycloak.getAccessTokenString();
    }

    String springToken() {
        return spring.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(PRINCIPAL)
                .build()).getAccessToken().getTokenValue();
    }

    @Override
    public void close() {
        if (ourTokens != null) {
            ourTokens.close();
        }
        if (keycloakClient != null) {
            keycloakClient.close();
        }
        executor.shutdownNow();
    }
}
