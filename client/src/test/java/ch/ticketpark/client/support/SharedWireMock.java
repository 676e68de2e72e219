package ch.ticketpark.client.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A WireMock server per name that lives as long as the test JVM, reset (stubs and journal) before each test, for
 * {@code @RegisterExtension static}. One server per JVM rather than per test class, because the mutation run executes
 * each test on its own, and a server started and stopped around every one of them cost more than the tests.
 */
public final class SharedWireMock implements BeforeEachCallback {

    private static final Map<String, WireMockServer> SERVERS = new ConcurrentHashMap<>();

    private final String name;

    private SharedWireMock(String name) {
        this.name = name;
    }

    /** The server of this name; two names are two origins. */
    public static SharedWireMock named(String name) {
        return new SharedWireMock(name);
    }

    private WireMockServer server() {
        return SERVERS.computeIfAbsent(name, key -> {
            WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            return server;
        });
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server().resetAll();
    }

    public String baseUrl() {
        return server().baseUrl();
    }

    public int getPort() {
        return server().port();
    }

    public StubMapping stubFor(MappingBuilder mapping) {
        return server().stubFor(mapping);
    }

    public void verify(RequestPatternBuilder pattern) {
        server().verify(pattern);
    }

    public void verify(int count, RequestPatternBuilder pattern) {
        server().verify(count, pattern);
    }

    public List<LoggedRequest> findAll(RequestPatternBuilder pattern) {
        return server().findAll(pattern);
    }

    public List<ServeEvent> getAllServeEvents() {
        return server().getAllServeEvents();
    }

    public void resetRequests() {
        server().resetRequests();
    }
}
