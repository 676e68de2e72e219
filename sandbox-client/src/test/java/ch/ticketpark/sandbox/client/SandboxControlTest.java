package ch.ticketpark.sandbox.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The exact HTTP the client sends to the control plane, and how it reads the answers: against an in-JVM server. */
class SandboxControlTest {

    /** "METHOD path?query body" of each request the fake sandbox got. */
    private final List<String> received = new CopyOnWriteArrayList<>();
    /** What the fake answers, by "METHOD path": status and body; 200 with "" otherwise. */
    private final Map<String, Map.Entry<Integer, String>> answers = new ConcurrentHashMap<>();
    private HttpServer server;
    private SandboxControl sandbox;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sandbox/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String target = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            received.add(exchange.getRequestMethod() + " " + target + (query == null ? "" : "?" + query)
                    + (body.isEmpty() ? "" : " " + body) + (exchange.getRequestHeaders().containsKey("Content-Type")
                            ? " [" + exchange.getRequestHeaders().getFirst("Content-Type") + "]"
                            : ""));
            Map.Entry<Integer, String> answer = answers.getOrDefault(exchange.getRequestMethod() + " " + target,
                    Map.entry(200, ""));
            byte[] bytes = answer.getValue().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.getKey(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        sandbox = SandboxControl.at("http://localhost:" + server.getAddress().getPort() + "/sandbox/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(String request, int status, String body) {
        answers.put(request, Map.entry(status, body));
    }

    @Test
    void eachCommandIsOneRequestOfTheControlPlane() {
        sandbox.reset();
        sandbox.revoke();
        sandbox.lifetimes(Duration.ofSeconds(2), Duration.ofMinutes(1));
        sandbox.lifetimes(Duration.ofSeconds(600), null);
        sandbox.lifetimes(null, Duration.ofSeconds(60));
        sandbox.advanceClock(Duration.ofHours(1));
        sandbox.disarm();

        assertThat(received).containsExactly("POST /sandbox/_sandbox/reset", "POST /sandbox/_sandbox/revoke",
                "POST /sandbox/_sandbox/lifetimes?access=2&refresh=60", "POST /sandbox/_sandbox/lifetimes?access=600",
                "POST /sandbox/_sandbox/lifetimes?refresh=60",
                "POST /sandbox/_sandbox/clock?advance=3600", "DELETE /sandbox/_sandbox/faults");
        assertThat(sandbox.url()).hasToString("http://localhost:" + server.getAddress().getPort() + "/sandbox");
    }

    @Test
    void aFaultIsArmedAsTheControlPlanesJson() {
        sandbox.arm(Faults.token().status(503).retryAfter(2).times(3));
        sandbox.arm(Faults.api().delay(Duration.ofMillis(1500)).every(2));
        sandbox.arm(Faults.token().invalidClient().grantType("refresh_token"));
        sandbox.arm(Faults.api().redirect("https://elsewhere.example/x"));
        sandbox.arm(Faults.api().redirect(307, "https://elsewhere.example/y"));

        assertThat(received).containsExactly(
                "POST /sandbox/_sandbox/faults {\"count\":3,\"retryAfterSeconds\":2,\"status\":503,\"target\":\"token\","
                        + "\"type\":\"status\"} [application/json]",
                "POST /sandbox/_sandbox/faults {\"delayMillis\":1500,\"every\":2,\"target\":\"api\",\"type\":\"delay\"}"
                        + " [application/json]",
                "POST /sandbox/_sandbox/faults {\"grantType\":\"refresh_token\",\"target\":\"token\","
                        + "\"type\":\"invalid_client\"} [application/json]",
                "POST /sandbox/_sandbox/faults {\"location\":\"https://elsewhere.example/x\",\"target\":\"api\","
                        + "\"type\":\"redirect\"} [application/json]",
                "POST /sandbox/_sandbox/faults {\"location\":\"https://elsewhere.example/y\",\"status\":307,"
                        + "\"target\":\"api\",\"type\":\"redirect\"} [application/json]");
    }

    @Test
    void aFaultWithoutItsKindIsRefusedBeforeItIsSent() {
        assertThatThrownBy(() -> sandbox.arm(Faults.token().times(2))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs its kind");
        assertThat(received).isEmpty();
    }

    @Test
    void theCountersAreReadByName() {
        answer("GET /sandbox/_sandbox/stats", 200, "{\"passwordGrants\":1,\"refreshGrants\":4,\"tokenRequests\":5,"
                + "\"passwordGrantsSucceeded\":1,\"refreshGrantsSucceeded\":3,\"tokenErrors\":1,\"refreshTokenReuses\":0,"
                + "\"apiRequests\":7,\"apiUnauthorized\":2,\"tokenFaults\":1,\"apiFaults\":0,\"emailsSent\":1}");

        SandboxStats stats = sandbox.stats();

        assertThat(List.of(stats.tokenRequests(), stats.passwordGrants(), stats.passwordGrantsSucceeded(),
                stats.refreshGrants(), stats.refreshGrantsSucceeded(), stats.tokenErrors(), stats.refreshTokenReuses(),
                stats.apiRequests(), stats.apiUnauthorized(), stats.tokenFaults(), stats.apiFaults(),
                stats.emailsSent())).containsExactly(5L, 1L, 1L, 4L, 3L, 1L, 0L, 7L, 2L, 1L, 0L, 1L);
        assertThatThrownBy(() -> stats.counter("bookings")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bookings").hasMessageContaining("tokenRequests");
    }

    @Test
    void recordedRequestsAreReadAndShownMasked() {
        answer("GET /sandbox/_sandbox/requests", 200, "[{\"target\":\"token\",\"method\":\"POST\","
                + "\"path\":\"/oauth/v2/token\",\"query\":\"\",\"headers\":{\"authorization\":[\"Basic ZGVtbzpzZWNyZXQ=\"],"
                + "\"accept\":[\"application/json\"]},\"form\":{\"grant_type\":\"refresh_token\","
                + "\"refresh_token\":\"rt-secret\"}},{\"target\":\"api\",\"method\":\"GET\",\"path\":\"/events/\","
                + "\"query\":\"limit=1\",\"headers\":{\"authorization\":[\"Bearer at-secret\"]},\"bearer\":\"valid\"}]");

        List<RecordedRequest> requests = sandbox.requests("token", 2);

        assertThat(received).containsExactly("GET /sandbox/_sandbox/requests?target=token&limit=2");
        assertThat(requests).hasSize(2);
        RecordedRequest token = requests.get(0);
        assertThat(token.grantType()).isEqualTo("refresh_token");
        assertThat(token.header("Authorization")).isEqualTo("Basic ZGVtbzpzZWNyZXQ=");
        assertThat(token.form()).containsEntry("refresh_token", "rt-secret");
        assertThat(requests.get(1).bearer()).isEqualTo("valid");
        assertThat(requests.get(1).query()).isEqualTo("limit=1");
        assertThat(requests.toString()).contains("Basic ****", "Bearer ****", "refresh_token=****",
                "grant_type=refresh_token", "GET /events/?limit=1")
                .doesNotContain("ZGVtbzpzZWNyZXQ=", "rt-secret", "at-secret");
    }

    @Test
    void aTokenOrAPasswordInTheQueryIsShownMaskedToo() {
        // RFC 6750 2.3 (FOS accepts it): the access token as a query parameter; the sandbox answers 401 "missing"
        // and records the raw query. Likewise a token request with its grant in the query string.
        answer("GET /sandbox/_sandbox/requests", 200, "[{\"target\":\"api\",\"method\":\"GET\","
                + "\"path\":\"/events/\",\"query\":\"access_token=at-secret\",\"headers\":{},\"bearer\":\"missing\"},"
                + "{\"target\":\"token\",\"method\":\"POST\",\"path\":\"/oauth/v2/token\",\"query\":"
                + "\"grant_type=password&username=demo&password=pw-secret&client_secret=cs-secret&refresh_token=rt-secret\","
                + "\"headers\":{}}]");

        String shown = sandbox.requests("api", 2).toString();

        assertThat(shown).doesNotContain("at-secret", "pw-secret", "cs-secret", "rt-secret");
    }

    @Test
    void otherCredentialsAreShownMaskedToo() {
        answer("GET /sandbox/_sandbox/requests", 200, "[{\"target\":\"token\",\"method\":\"POST\","
                + "\"path\":\"/oauth/v2/token\",\"query\":\"\",\"headers\":{\"proxy-authorization\":"
                + "[\"Basic cHJveHk6cHc=\"]},\"form\":{\"grant_type\":\"refresh_token\",\"access_token\":\"at-secret\"}}]");

        String shown = sandbox.requests("token", 1).toString();

        assertThat(shown).doesNotContain("cHJveHk6cHc=", "at-secret");
    }

    @Test
    void aDeeplyNestedAnswerIsASandboxExceptionToo() {
        answer("GET /sandbox/_sandbox/stats", 200, "[".repeat(100_000));

        assertThatThrownBy(sandbox::stats).isInstanceOf(SandboxException.class);
    }

    @Test
    void anUnknownTargetOrANegativeLimitIsRefusedNotAnsweredWithNoRequests() {
        // the real control plane filters by request.target().equals(target): "API" matches nothing, and answers []
        answer("GET /sandbox/_sandbox/requests", 200, "[]");

        assertThatThrownBy(() -> sandbox.requests("API", 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.requests("api", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUrlWithCredentialsIsRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> SandboxControl.at("http://tester:pw-secret@localhost:9080/sandbox"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user information")
                .message().doesNotContain("pw-secret");
    }

    @Test
    void anAuthorizationHeaderNamedInAnyCaseIsShownMasked() {
        RecordedRequest request = new RecordedRequest("api", "GET", "/events/", "",
                Map.of("Authorization", List.of("Bearer at-secret")), Map.of(), "valid");

        assertThat(request.toString()).doesNotContain("at-secret");
        assertThat(request.header("authorization")).isEqualTo("Bearer at-secret");
    }

    @Test
    void everyAuthorizationValueIsMaskedWithOrWithoutAScheme() {
        RecordedRequest request = new RecordedRequest("api", "GET", "/events/", "",
                Map.of("authorization",
                        List.of("Bearerat-secret1", "Bearer at-secret2", "Basic  YmFzaWM=", "bare-token",
                                " Bearer at-secret3", "Bearer\tat-secret4")),
                Map.of(), "valid");

        assertThat(request.toString()).doesNotContain("at-secret", "YmFzaWM=", "bare-token");
    }

    @Test
    void anInjectedCountThatIsNoWholeNumberIsASandboxException() {
        answer("GET /sandbox/_sandbox/faults", 200, "{\"armed\":[],\"injected\":{\"token\":\"3\"}}");

        assertThatThrownBy(sandbox::faultsInjected).isInstanceOf(SandboxException.class);
    }

    @Test
    void emailsAndInjectedFaultsAreRead() {
        answer("GET /sandbox/_sandbox/emails", 200, "[{\"booking\":\"b1\",\"type\":\"confirmation\","
                + "\"recipient\":\"ada@example.com\",\"sent\":\"2026-12-02 10:00:00\"}]");
        answer("GET /sandbox/_sandbox/faults", 200, "{\"armed\":[],\"injected\":{\"token\":3,\"api\":1}}");

        assertThat(sandbox.emails()).containsExactly(new Email("b1", "confirmation", "ada@example.com",
                "2026-12-02 10:00:00"));
        assertThat(sandbox.faultsInjected()).containsExactly(Map.entry("token", 3L), Map.entry("api", 1L));
    }

    @Test
    void aRefusedCommandSaysWhatTheSandboxAnswered() {
        answer("POST /sandbox/_sandbox/faults", 400, "{\"error\":\"status must be between 200 and 599\"}");

        assertThatThrownBy(() -> sandbox.arm(Faults.token().status(700))).isInstanceOf(SandboxException.class)
                .hasMessageContaining("POST /_sandbox/faults").hasMessageContaining("HTTP 400")
                .hasMessageContaining("status must be between 200 and 599");
    }

    @Test
    void noSandboxAtTheUrlSaysSo() {
        answer("POST /sandbox/_sandbox/reset", 404, "<html>Error 404: SRVE0190E: File not found</html>");

        assertThatThrownBy(sandbox::reset).isInstanceOf(SandboxException.class)
                .hasMessageContaining(sandbox.url().toString()).hasMessageContaining("HTTP 404")
                .hasMessageContaining("is the sandbox WAR deployed at that URL?");
    }

    @Test
    void aServerThatIsNotThereIsNamed() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SandboxControl nowhere = SandboxControl.at("http://localhost:" + port + "/sandbox");

        assertThatThrownBy(nowhere::stats).isInstanceOf(SandboxException.class)
                .hasMessageContaining("http://localhost:" + port + "/sandbox")
                .hasMessageContaining("cannot be reached");
    }

    @Test
    void anAnswerThatIsNotJsonIsNamed() {
        answer("GET /sandbox/_sandbox/stats", 200, "<html>proxy</html>");

        assertThatThrownBy(sandbox::stats).isInstanceOf(SandboxException.class).hasMessageContaining("no JSON");
    }

    @Test
    void wholeSecondsOnlyAndAnAbsoluteHttpUrl() {
        assertThatThrownBy(() -> sandbox.lifetimes(null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lifetime");
        assertThatThrownBy(() -> sandbox.lifetimes(Duration.ofMillis(1500), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT1.5S");
        assertThatThrownBy(() -> sandbox.advanceClock(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxControl.at("localhost:9080/sandbox"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http(s) URL");
        assertThat(received).isEmpty();
    }

    @Test
    void theUrlComesFromTheSystemPropertyElseMicroProfileConfigElseItSaysWhereToSetIt() {
        String before = System.getProperty(SandboxControl.URL_PROPERTY);
        System.clearProperty(SandboxControl.URL_PROPERTY);
        try {
            if (System.getenv(SandboxControl.URL_VARIABLE) == null) {
                assertThatThrownBy(SandboxControl::fromEnvironment).isInstanceOf(SandboxException.class)
                        .hasMessageContaining(SandboxControl.URL_PROPERTY)
                        .hasMessageContaining(SandboxControl.URL_VARIABLE);
            }
            // inside a deployment: a server.xml variable, through MicroProfile Config
            MapConfigResolver.PROPERTIES.put(SandboxControl.URL_PROPERTY, "http://localhost:2/sandbox");
            assertThat(SandboxControl.fromEnvironment().url()).hasToString("http://localhost:2/sandbox");

            System.setProperty(SandboxControl.URL_PROPERTY, "http://localhost:1/sandbox");
            assertThat(SandboxControl.fromEnvironment().url()).hasToString("http://localhost:1/sandbox");
        } finally {
            MapConfigResolver.PROPERTIES.clear();
            if (before == null) {
                System.clearProperty(SandboxControl.URL_PROPERTY);
            } else {
                System.setProperty(SandboxControl.URL_PROPERTY, before);
            }
        }
    }
}
