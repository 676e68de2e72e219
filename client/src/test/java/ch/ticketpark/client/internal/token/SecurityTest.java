package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.BASIC;
import static ch.ticketpark.client.support.Fixtures.CLIENT_KEY;
import static ch.ticketpark.client.support.Fixtures.CLIENT_SECRET;
import static ch.ticketpark.client.support.Fixtures.PASSWORD;
import static ch.ticketpark.client.support.Fixtures.SECRETS;
import static ch.ticketpark.client.support.Fixtures.TOKEN_PATH;
import static ch.ticketpark.client.support.Fixtures.USERNAME;
import static ch.ticketpark.client.support.Fixtures.oauthError;
import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Fixtures.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.api.EventsClient;
import ch.ticketpark.client.exception.MalformedTokenResponseException;
import ch.ticketpark.client.exception.TicketparkConfigurationException;
import ch.ticketpark.client.exception.TicketparkException;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.config.TicketparkExtension;
import ch.ticketpark.client.internal.config.Urls;
import ch.ticketpark.client.internal.rest.BearerTokenFilter;
import ch.ticketpark.client.internal.rest.TicketparkRestClientListener;
import ch.ticketpark.client.support.MapConfig;
import ch.ticketpark.client.support.MutableClock;
import ch.ticketpark.client.support.RecordingSleeper;

/** Where the token and the credentials may go, and where they never show (docs/operating.md). */
class SecurityTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private final CountingTokens tokens = new CountingTokens();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d/events/", "http://localhost:%d/events/",
            "https://localhost:%d/events/"})
    void bearerFilterRefusesEveryOriginButTheConfiguredOne(String pattern) {
        Client client = apiClient(URI.create("http://localhost:" + api.getPort()));
        String target = pattern.formatted(elsewhere.getPort());

        Throwable e = catchThrowable(() -> client.target(target).request().get(String.class));

        assertThat(e).isInstanceOf(ProcessingException.class).rootCause().isInstanceOf(TicketparkException.class)
                .hasMessageStartingWith("TPC0109").hasMessageContaining("ticketpark/mp-rest/url");
        assertThat(tokens.calls.get()).isZero();
        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void bearerFilterTreatsTheDefaultPortAsTheSameOrigin() {
        assertThat(Urls.sameOrigin(URI.create("https://api.ticketpark.ch/events/"),
                URI.create("https://API.ticketpark.ch:443"))).isTrue();
        assertThat(Urls.sameOrigin(URI.create("https://api.ticketpark.ch:8443/events/"),
                URI.create("https://api.ticketpark.ch"))).isFalse();
        assertThat(Urls.sameOrigin(URI.create("https://api.ticketpark.ch.evil.example/"),
                URI.create("https://api.ticketpark.ch"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void apiRedirectIsNotFollowedSoTheTokenNeverReachesTheOtherHost(int status) {
        api.stubFor(get(urlEqualTo("/events/e1")).willReturn(aResponse().withStatus(status)
                .withHeader("Location", elsewhere.baseUrl() + "/steal")));
        elsewhere.stubFor(get(anyUrl()).willReturn(okJson("{\"pid\":\"e1\"}")));
        // a Ticketpark REST client as the library builds it (TicketparkRestClientListener), not a JAX-RS default
        RestClientBuilder builder = RestClientBuilder.newBuilder().baseUri(URI.create(api.baseUrl()));
        TicketparkRestClientListener.register(builder, () -> tokens, () -> URI.create(api.baseUrl()));
        EventsClient events = builder.build(EventsClient.class);
        closeables.add((AutoCloseable) events);

        Throwable e = catchThrowable(() -> events.httpGet("e1", null));

        // the 3xx reaches the caller, the other host gets nothing
        assertThat(e).isInstanceOfSatisfying(jakarta.ws.rs.RedirectionException.class,
                redirect -> assertThat(redirect.getResponse().getStatus()).isEqualTo(status));
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void tokenEndpointRedirectIsRefusedAndNothingReachesTheOtherHost(int status) {
        api.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Location", elsewhere.baseUrl() + "/oauth/v2/token?x=y")));
        elsewhere.stubFor(post(anyUrl()).willReturn(token("access-1", "refresh-1", 600)));
        TokenEndpoint endpoint = new TokenEndpoint(URI.create(api.baseUrl() + TOKEN_PATH), CLIENT_KEY, CLIENT_SECRET,
                Duration.ofSeconds(2), Duration.ofSeconds(2));
        closeables.add(endpoint);

        MalformedTokenResponseException e = catchThrowableOfType(MalformedTokenResponseException.class,
                () -> endpoint.passwordGrant(USERNAME, PASSWORD));

        assertThat(e.getMessage()).startsWith("TPC0105").contains(elsewhere.baseUrl(), "ticketpark.token-url")
                .doesNotContain("x=y");
        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void listenerSwitchesRedirectsOffAndRegistersTheFilter() {
        List<String> calls = new ArrayList<>();
        new TicketparkRestClientListener(key -> Optional.empty()).onNewClient(EventsClient.class, builder(calls));

        assertThat(calls).containsExactly("followRedirects(false)", "register(BearerTokenFilter)",
                "register(QueryHeaderFilter)", "register(TicketparkResponseFilter)",
                "register(TicketparkResponseExceptionMapper)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ticketpark/mp-rest/followRedirects",
            "ch.ticketpark.client.api.EventsClient/mp-rest/followRedirects"})
    void listenerRefusesAClientConfiguredToFollowRedirects(String key) {
        List<String> calls = new ArrayList<>();
        var listener = new TicketparkRestClientListener(k -> k.equals(key) ? Optional.of(" TRUE") : Optional.empty());

        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> listener.onNewClient(EventsClient.class, builder(calls)));

        assertThat(e.keys()).containsExactly(key);
        assertThat(e.getMessage()).startsWith("TPC0110");
        assertThat(calls).isEmpty();
    }

    @Test
    void listenerLeavesOtherClientsAlone() {
        List<String> calls = new ArrayList<>();
        new TicketparkRestClientListener(k -> Optional.of("true")).onNewClient(Runnable.class, builder(calls));

        assertThat(calls).isEmpty();
    }

    @Test
    void noSecretInAnyExceptionChainOrToString() {
        List<Throwable> failures = new ArrayList<>();
        Map<String, String> config = new HashMap<>(MapConfig.valid(api.baseUrl()));
        config.put(TicketparkConfig.TOKEN_MAX_ATTEMPTS, "1");
        config.put(TicketparkConfig.CIRCUIT_BREAKER_FAILURES, "100");
        TokenManager manager = new TokenManager(TicketparkConfig.load(new MapConfig(config)), new MutableClock(),
                Runnable::run, new RecordingSleeper(new MutableClock()), () -> 1.0);
        closeables.add(manager);
        List<com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder> faults = List.of(
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
                aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
                aResponse().withStatus(503).withBody("access-1 refresh-1 " + PASSWORD),
                aResponse().withStatus(200).withBody("{\"access_token\":\"access-1\",\"refresh_token\":\"refresh-1"),
                aResponse().withStatus(200).withBody("<html>" + PASSWORD + "</html>"),
                aResponse().withStatus(200).withBody("{\"access_token\":\"access 1\",\"expires_in\":1}"),
                aResponse().withStatus(302).withHeader("Location", "https://evil.example/?p=" + PASSWORD),
                oauthError(400, "invalid_client", "bad"),
                oauthError(400, "invalid_grant", "bad"),
                oauthError(400, "invalid_request", "bad"));
        for (var fault : faults) {
            api.stubFor(tokenRequest("password").willReturn(fault));
            failures.add(catchThrowable(manager::accessToken));
        }

        assertThat(failures).hasSize(faults.size()).allMatch(TicketparkException.class::isInstance);
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRETS).doesNotContain(BASIC.substring(6));
                assertThat(t.toString()).doesNotContain(SECRETS);
            }
        }
        assertThat(manager.toString()).doesNotContain(SECRETS);
    }

    @Test
    void theClientSecretIsHeldOnlyInsideTheBasicHeader() throws Exception {
        TokenManager manager = new TokenManager(TicketparkConfig.load(new MapConfig(MapConfig.valid(api.baseUrl()))),
                new MutableClock(), Runnable::run);
        closeables.add(manager);

        List<String> held = strings(manager);

        assertThat(held).doesNotContain(CLIENT_SECRET).contains(BASIC);
        // documented: with a password configured, it is kept for the fallback from a dead refresh token
        assertThat(held).contains(PASSWORD);
    }

    @Test
    void withoutAPasswordNoPasswordIsHeldAndTheSeedRefreshTokenOnlyUntilUsed() throws Exception {
        Map<String, String> config = new HashMap<>(MapConfig.valid(api.baseUrl()));
        config.remove(TicketparkConfig.USERNAME);
        config.remove(TicketparkConfig.PASSWORD);
        config.put(TicketparkConfig.REFRESH_TOKEN, "seed-refresh");
        api.stubFor(tokenRequest("refresh_token").willReturn(token("access-1", "refresh-1", 600)));
        TokenManager manager = new TokenManager(TicketparkConfig.load(new MapConfig(config)), new MutableClock(),
                Runnable::run);
        closeables.add(manager);
        assertThat(strings(manager)).contains("seed-refresh").doesNotContain(PASSWORD, CLIENT_SECRET);

        manager.accessToken();

        assertThat(strings(manager)).doesNotContain("seed-refresh", PASSWORD, CLIENT_SECRET);
    }

    @Test
    void extensionForgetsTheSecretsOnceTheManagerHasThem() throws Exception {
        TicketparkExtension extension = new TicketparkExtension();
        Field config = TicketparkExtension.class.getDeclaredField("config");
        config.setAccessible(true);
        Map<String, String> properties = new HashMap<>(MapConfig.valid(api.baseUrl()));
        properties.put(TicketparkConfig.REFRESH_TOKEN, "seed-refresh");
        config.set(extension, TicketparkConfig.load(new MapConfig(properties)));

        extension.forgetSecrets();

        assertThat(extension.config().clientSecret()).isNull();
        assertThat(extension.config().password()).isEmpty();
        assertThat(extension.config().refreshToken()).isEmpty();
        assertThat(extension.config().apiUrl()).isEqualTo(URI.create(api.baseUrl()));
        assertThat(strings(extension)).doesNotContain(CLIENT_SECRET, PASSWORD, "seed-refresh");
    }

    private Client apiClient(URI apiUrl) {
        // the JAX-RS client of Open Liberty (RESTEasy) as MicroProfile Rest Client builds it: redirects not followed
        Client client = ClientBuilder.newClient().register(new BearerTokenFilter(() -> tokens, () -> apiUrl));
        closeables.add(client::close);
        return client;
    }

    private static RestClientBuilder builder(List<String> calls) {
        return (RestClientBuilder) Proxy.newProxyInstance(SecurityTest.class.getClassLoader(),
                new Class<?>[]{RestClientBuilder.class}, (proxy, method, args) -> {
                    if (method.getName().equals("followRedirects")) {
                        calls.add("followRedirects(" + args[0] + ")");
                    } else if (method.getName().equals("getConfiguration")) {
                        return ClientBuilder.newBuilder().getConfiguration();
                    } else if (method.getName().equals("register")) {
                        calls.add("register(" + args[0].getClass().getSimpleName() + ")");
                    } else {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return proxy;
                });
    }

    /** Every string reachable from the object through the fields of the client's own classes. */
    private static List<String> strings(Object root) throws IllegalAccessException {
        List<String> found = new ArrayList<>();
        collect(root, found, new IdentityHashMap<>());
        return found;
    }

    private static void collect(Object value, List<String> found, Map<Object, Boolean> seen)
            throws IllegalAccessException {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof String text) {
            found.add(text);
        } else if (value instanceof Optional<?> optional) {
            collect(optional.orElse(null), found, seen);
        } else if (value instanceof java.util.concurrent.atomic.AtomicReference<?> reference) {
            collect(reference.get(), found, seen);
        } else if (value.getClass().getName().startsWith("ch.ticketpark.")) {
            for (Class<?> type = value.getClass(); type != null; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                        field.setAccessible(true);
                        collect(field.get(value), found, seen);
                    }
                }
            }
        }
    }

    private static final class CountingTokens implements TicketparkTokens {

        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String accessToken() {
            calls.incrementAndGet();
            return "access-1";
        }

        @Override
        public void invalidate() {
        }

        @Override
        public void invalidate(String accessToken) {
        }
    }
}
