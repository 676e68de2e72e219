package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Fixtures.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import ch.ticketpark.client.exception.TicketparkException;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.config.TicketparkExtension;
import ch.ticketpark.client.internal.store.FileTokenStore;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.spi.TokenStore;
import ch.ticketpark.client.status.GrantType;
import ch.ticketpark.client.status.TokenObtained;
import ch.ticketpark.client.support.Fixtures;
import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.support.MapConfig;
import ch.ticketpark.client.support.RecordingStore;
import ch.ticketpark.client.support.SharedWireMock;
import ch.ticketpark.client.support.Stubs;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;

/** The producer as the container calls it, with the extension's validated configuration and no container. */
class TicketparkProducerTest {

    @RegisterExtension
    static SharedWireMock server = Fixtures.wireMock();

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private final TicketparkExtension extension = new TicketparkExtension();
    private final List<TokenManager> managers = new ArrayList<>();
    private final List<Object> fired = new CopyOnWriteArrayList<>();
    private final List<Object> firedAsync = new CopyOnWriteArrayList<>();
    private final CountDownLatch delivered = new CountDownLatch(1);
    private OpenTelemetrySdk openTelemetry;

    @BeforeEach
    void deploy() throws ReflectiveOperationException {
        deploy(Map.of(TicketparkConfig.TOKEN_STORE, "memory"));
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=stored-refresh"))
                .willReturn(token("access-2", "refresh-2", 600)));
    }

    /** As validated at deployment: TicketparkExtension.validate is the container's to call. */
    private void deploy(Map<String, String> overrides) throws ReflectiveOperationException {
        Field config = TicketparkExtension.class.getDeclaredField("config");
        config.setAccessible(true);
        config.set(extension, MapConfig.load(server.baseUrl(), overrides));
    }

    @AfterEach
    void closeManagers() {
        managers.forEach(TokenManager::close);
    }

    @Test
    void eachGrantIsFiredAsACdiEventToSynchronousAndAsynchronousObservers() throws InterruptedException {
        TokenManager manager = produce(noStore());

        manager.accessToken();

        assertThat(delivered.await(10, TimeUnit.SECONDS)).as("delivered").isTrue();
        assertThat(fired).singleElement().isInstanceOfSatisfying(TokenObtained.class,
                obtained -> assertThat(obtained.grantType()).isEqualTo(GrantType.PASSWORD));
        assertThat(firedAsync).isEqualTo(fired);
        assertThat(manager.status().passwordGrants()).isEqualTo(1);
    }

    @Test
    void withTheApplicationsOpenTelemetryEachGrantIsCountedAndTheGaugesStopWithTheManager() {
        InMemoryMetricReader metrics = InMemoryMetricReader.create();
        openTelemetry = OpenTelemetrySdk.builder()
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build()).build();
        try {
            TokenManager manager = produce(noStore());
            manager.accessToken();

            assertThat(metrics.collectAllMetrics()).filteredOn(metric -> !metric.isEmpty())
                    .extracting(MetricData::getName).contains("ticketpark.token.requests",
                            "ticketpark.token.time_until_expiry");
            producer(noStore()).close(manager);
            assertThat(metrics.collectAllMetrics()).filteredOn(metric -> !metric.isEmpty())
                    .extracting(MetricData::getName).doesNotContain("ticketpark.token.time_until_expiry");
        } finally {
            openTelemetry.close();
        }
    }

    @Test
    void theManagerTakesTheSecretsAndTheExtensionForgetsThem() {
        TokenManager manager = produce(noStore());

        assertThat(extension.config().clientSecret()).isNull();
        assertThat(extension.config().password()).isEmpty();
        // the password grant needs the client secret and the password the extension no longer holds
        assertThat(manager.accessToken()).isEqualTo("access-1");
    }

    @Test
    void theApplicationsTokenStoreIsWhereTheManagerStarts() {
        TokenManager manager = produce(theStore(new RecordingStore("stored-refresh")));

        assertThat(manager.accessToken()).isEqualTo("access-2");
    }

    @Test
    void withoutAStoreBeanTheFileStoreKeepsTheTokensInTheConfiguredDirectory(@TempDir Path directory)
            throws Exception {
        deploy(Map.of(TicketparkConfig.TOKEN_STORE_DIRECTORY, directory.toString()));

        assertThat(produce(noStore()).accessToken()).isEqualTo("access-1");

        Optional<StoredTokens> stored = new FileTokenStore(directory, Fixtures.CLIENT_KEY, Fixtures.USERNAME).load();
        assertThat(stored).map(StoredTokens::refreshToken).contains("refresh-1");
        assertThat(stored).map(StoredTokens::accessToken).contains("access-1");
    }

    @Test
    void theFileStoresDefaultDirectoryIsInTheWorkingDirectory() throws Exception {
        deploy(Map.of());

        assertThat(TokenStores.directory(extension.config()))
                .isEqualTo(Path.of(TicketparkConfig.DEFAULT_DIRECTORY).toAbsolutePath());
        assertThat(TokenStores.configured(extension.config())).isInstanceOfSatisfying(FileTokenStore.class,
                store -> assertThat(store.path().getParent())
                        .isEqualTo(Path.of(TicketparkConfig.DEFAULT_DIRECTORY).toAbsolutePath()));
    }

    @Test
    void theMemoryStoreKeepsNothingAcrossAStart() throws Exception {
        assertThat(produce(noStore()).accessToken()).isEqualTo("access-1");
        deploy(Map.of(TicketparkConfig.TOKEN_STORE, "memory")); // the next start reads the configuration again
        assertThat(produce(noStore()).accessToken()).isEqualTo("access-1");

        assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(2); // a password grant each
    }

    @Test
    void aDataSourceThatCannotBeLookedUpIsNamedWithoutItsCause() throws Exception {
        deploy(Map.of(TicketparkConfig.TOKEN_STORE, "jdbc", TicketparkConfig.TOKEN_STORE_DATASOURCE, "jdbc/missing"));

        assertThat(catchThrowable(() -> produce(noStore()))).isInstanceOf(TicketparkException.class)
                .hasMessageStartingWith("TPC0030").hasMessageContaining("jdbc/missing").hasNoCause();
    }

    @Test
    void disposingTheTokensClosesTheManager() {
        TokenManager manager = produce(noStore());

        producer(noStore()).close(manager);

        assertThat(catchThrowable(manager::accessToken)).isNotNull();
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    private TokenManager produce(Instance<TokenStore> stores) {
        TokenManager manager = producer(stores).tokenManager();
        managers.add(manager);
        return manager;
    }

    private TicketparkProducer producer(Instance<TokenStore> stores) {
        return new TicketparkProducer(extension, stores, new ManagedThreads(), events(), beans());
    }

    /** The application's beans: the OpenTelemetry of mpTelemetry, if the test put one there. */
    private Instance<Object> beans() {
        Instance<Object> telemetry = instanceOf(Map.of("isResolvable", args -> openTelemetry != null,
                "get", args -> openTelemetry));
        return instanceOf(Map.of("select", args -> telemetry));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Instance<Object> instanceOf(Map<String, Stubs.Answer> answers) {
        return (Instance) Stubs.of(Instance.class, answers);
    }

    /** The CDI event of the producer: it records what is fired, to synchronous and to asynchronous observers. */
    @SuppressWarnings("unchecked")
    private Event<Object> events() {
        return Stubs.of(Event.class, Map.of("fire", args -> {
            fired.add(args[0]);
            return null;
        }, "fireAsync", args -> {
            firedAsync.add(args[0]);
            delivered.countDown();
            return CompletableFuture.completedFuture(args[0]);
        }));
    }

    /** No bean of the application implements {@link TokenStore}: asking for one fails. */
    private static Instance<TokenStore> noStore() {
        return instance(Map.of("isUnsatisfied", args -> true));
    }

    private static Instance<TokenStore> theStore(TokenStore store) {
        return instance(Map.of("isUnsatisfied", args -> false, "get", args -> store));
    }

    @SuppressWarnings("unchecked")
    private static Instance<TokenStore> instance(Map<String, Stubs.Answer> answers) {
        return Stubs.of(Instance.class, answers);
    }
}
