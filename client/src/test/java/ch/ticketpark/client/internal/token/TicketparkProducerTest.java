package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.token;
import static ch.ticketpark.client.support.Fixtures.tokenRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Instance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.ticketpark.client.internal.config.TicketparkExtension;
import ch.ticketpark.client.spi.TokenStore;
import ch.ticketpark.client.support.Fixtures;
import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.support.MapConfig;
import ch.ticketpark.client.support.RecordingStore;
import ch.ticketpark.client.support.SharedWireMock;
import ch.ticketpark.client.support.Stubs;

/** The producer as the container calls it, with the extension's validated configuration and no container. */
class TicketparkProducerTest {

    @RegisterExtension
    static SharedWireMock server = Fixtures.wireMock();

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private final TicketparkExtension extension = new TicketparkExtension();
    private final List<TokenManager> managers = new ArrayList<>();

    @BeforeEach
    void deploy() throws ReflectiveOperationException {
        // as validated at deployment: TicketparkExtension.validate is the container's to call
        Field config = TicketparkExtension.class.getDeclaredField("config");
        config.setAccessible(true);
        config.set(extension, MapConfig.load(server.baseUrl(), Map.of()));
        server.stubFor(tokenRequest("password").willReturn(token("access-1", "refresh-1", 600)));
        server.stubFor(tokenRequest("refresh_token").withRequestBody(containing("refresh_token=stored-refresh"))
                .willReturn(token("access-2", "refresh-2", 600)));
    }

    @AfterEach
    void closeManagers() {
        managers.forEach(TokenManager::close);
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
        return new TicketparkProducer(extension, stores, new ManagedThreads());
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
