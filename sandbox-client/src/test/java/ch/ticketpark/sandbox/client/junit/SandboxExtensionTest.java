package ch.ticketpark.sandbox.client.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import com.sun.net.httpserver.HttpServer;

import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.SandboxException;

/**
 * The extension as JUnit runs it: the nested test classes (which surefire leaves out) run through the JUnit Platform
 * launcher against an in-JVM fake sandbox; this test looks at the HTTP the fake received and at what was printed.
 */
class SandboxExtensionTest {

    /** "METHOD path?query" of each request the fake sandbox got, and the marks of the nested tests. */
    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    /** What the fake answers with 200, by "path?query"; 204 without a body otherwise. */
    static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
    static final ByteArrayOutputStream PRINTED = new ByteArrayOutputStream();
    static final PrintStream OUT = new PrintStream(PRINTED, true, StandardCharsets.UTF_8);
    static HttpServer server;

    private String before;

    @BeforeEach
    void start() throws IOException {
        RECEIVED.clear();
        ANSWERS.clear();
        PRINTED.reset();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sandbox/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String path = exchange.getRequestURI().getRawPath();
            RECEIVED.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
            byte[] body = ANSWERS.getOrDefault(path + "?" + query, "").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body.length == 0 ? 204 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        before = System.getProperty(SandboxControl.URL_PROPERTY);
        System.setProperty(SandboxControl.URL_PROPERTY, url());
    }

    @AfterEach
    void stop() {
        server.stop(0);
        if (before == null) {
            System.clearProperty(SandboxControl.URL_PROPERTY);
        } else {
            System.setProperty(SandboxControl.URL_PROPERTY, before);
        }
    }

    private static String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/sandbox";
    }

    private static TestExecutionSummary run(Class<?> tests) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(
                LauncherDiscoveryRequestBuilder.request().selectors(selectClass(tests)).build(), summary);
        return summary.getSummary();
    }

    @Test
    void eachTestGetsTheSandboxOfThePropertyFreshlyReset() {
        TestExecutionSummary summary = run(TwoTests.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(RECEIVED).containsExactly("POST /sandbox/_sandbox/reset", "test got " + url(),
                "POST /sandbox/_sandbox/reset", "test got " + url());
    }

    @Test
    void keepSandboxOnAMethodOrAClassLeavesItAsItIs() {
        assertThat(run(KeptMethod.class).getTestsSucceededCount()).isEqualTo(2);
        assertThat(RECEIVED).containsExactly("POST /sandbox/_sandbox/reset", "test got " + url(), "kept");

        RECEIVED.clear();
        assertThat(run(KeptClass.class).getTestsSucceededCount()).isEqualTo(1);
        assertThat(RECEIVED).containsExactly("kept");
    }

    @Test
    void aFailurePrintsTheLastRequestsMaskedBeforeAfterEachAndKeepsItsOwnCause() {
        ANSWERS.put("/sandbox/_sandbox/requests?target=token&limit=10", "[{\"target\":\"token\",\"method\":\"POST\","
                + "\"path\":\"/oauth/v2/token\",\"query\":\"\",\"headers\":{\"authorization\":[\"Basic ZGVtbzpzZWNyZXQ=\"]},"
                + "\"form\":{\"grant_type\":\"password\",\"username\":\"demo\",\"password\":\"pw-secret\"}}]");
        ANSWERS.put("/sandbox/_sandbox/requests?target=api&limit=10", "[{\"target\":\"api\",\"method\":\"GET\","
                + "\"path\":\"/events/\",\"query\":\"\",\"headers\":{\"authorization\":[\"Bearer at-secret\"]},"
                + "\"bearer\":\"expired\"}]");

        TestExecutionSummary summary = run(Failing.class);

        assertThat(summary.getFailures()).singleElement().satisfies(failure -> assertThat(failure.getException())
                .isInstanceOf(AssertionError.class).hasMessage("the booking was not made"));
        assertThat(RECEIVED).containsExactly("POST /sandbox/_sandbox/reset",
                "GET /sandbox/_sandbox/requests?target=token&limit=10",
                "GET /sandbox/_sandbox/requests?target=api&limit=10", "after each");
        assertThat(PRINTED.toString(StandardCharsets.UTF_8)).contains(
                "fails() failed; what the sandbox at " + url() + " received last:",
                "token (last 1, oldest first):", "POST /oauth/v2/token", "grant_type=password", "password=****",
                "Basic ****", "api (last 1, oldest first):", "GET /events/", "Bearer ****", "bearer=expired")
                .doesNotContain("pw-secret", "ZGVtbzpzZWNyZXQ=", "at-secret");
    }

    @Test
    void aSandboxThatCannotBeReadAtAFailureIsSaidAndTheFailureStaysTheTests() {
        TestExecutionSummary summary = run(FailingAfterTheSandboxWentAway.class);

        assertThat(summary.getFailures()).singleElement().satisfies(
                failure -> assertThat(failure.getException()).hasMessage("the booking was not made"));
        assertThat(PRINTED.toString(StandardCharsets.UTF_8))
                .contains("fails() failed; what the sandbox at " + url() + " could not be read:");
    }

    @Test
    void withoutAUrlEachTestFailsSayingWhereToSetIt() {
        System.clearProperty(SandboxControl.URL_PROPERTY);

        TestExecutionSummary summary = run(TwoTests.class);

        assertThat(summary.getTestsFailedCount()).isEqualTo(2);
        assertThat(summary.getFailures().get(0).getException()).isInstanceOf(SandboxException.class)
                .hasMessageContaining(SandboxControl.URL_PROPERTY);
        assertThat(RECEIVED).isEmpty();
    }

    @ExtendWith(SandboxExtension.class)
    static class TwoTests {

        @Test
        void one(SandboxControl sandbox) {
            RECEIVED.add("test got " + sandbox.url());
        }

        @Test
        void two(SandboxControl sandbox) {
            RECEIVED.add("test got " + sandbox.url());
        }
    }

    @ExtendWith(SandboxExtension.class)
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class KeptMethod {

        @Test
        void first(SandboxControl sandbox) {
            RECEIVED.add("test got " + sandbox.url());
        }

        @Test
        @KeepSandbox
        void second() {
            RECEIVED.add("kept");
        }
    }

    @ExtendWith(SandboxExtension.class)
    @KeepSandbox
    static class KeptClass {

        @Test
        void only() {
            RECEIVED.add("kept");
        }
    }

    static class Failing {

        @RegisterExtension
        final SandboxExtension sandbox = new SandboxExtension(OUT);

        @Test
        void fails() {
            throw new AssertionError("the booking was not made");
        }

        @AfterEach
        void afterEach() {
            RECEIVED.add("after each");
        }
    }

    static class FailingAfterTheSandboxWentAway {

        @RegisterExtension
        final SandboxExtension sandbox = new SandboxExtension(OUT);

        @Test
        void fails() {
            server.stop(0);
            throw new AssertionError("the booking was not made");
        }
    }

    private static void noRequestsRecorded() {
        ANSWERS.put("/sandbox/_sandbox/requests?target=token&limit=10", "[]");
        ANSWERS.put("/sandbox/_sandbox/requests?target=api&limit=10", "[]");
    }

    @Test
    void aTokenInTheQueryIsPrintedMasked() {
        ANSWERS.put("/sandbox/_sandbox/requests?target=token&limit=10", "[]");
        ANSWERS.put("/sandbox/_sandbox/requests?target=api&limit=10", "[{\"target\":\"api\",\"method\":\"GET\","
                + "\"path\":\"/events/\",\"query\":\"access_token=at-secret\",\"headers\":{},\"bearer\":\"missing\"}]");

        run(Failing.class);

        assertThat(PRINTED.toString(StandardCharsets.UTF_8)).contains("GET /events/", "bearer=missing")
                .doesNotContain("at-secret");
    }

    @Test
    void aKeptTestThatFailsWhereNoUrlIsSetKeepsItsOwnFailure() {
        System.clearProperty(SandboxControl.URL_PROPERTY);

        TestExecutionSummary summary = run(KeptAndFailing.class);

        assertThat(summary.getFailures()).singleElement().satisfies(failure -> assertThat(failure.getException())
                .isInstanceOf(AssertionError.class).hasMessage("the booking was not made"));
    }

    @Test
    void anUnreadableAnswerAtAFailureLeavesTheFailureTheTests() {
        ANSWERS.put("/sandbox/_sandbox/requests?target=token&limit=10", "[".repeat(100_000));

        TestExecutionSummary summary = run(Failing.class);

        assertThat(summary.getFailures()).singleElement().satisfies(failure -> assertThat(failure.getException())
                .isInstanceOf(AssertionError.class).hasMessage("the booking was not made"));
    }

    @Test
    void keepSandboxOnTheEnclosingClassKeepsItForItsNestedTests() {
        assertThat(run(KeptOuter.class).getTestsSucceededCount()).isEqualTo(1);
        assertThat(RECEIVED).containsExactly("kept");
    }

    @Test
    void aFailureInBeforeEachPrintsTheLastRequestsToo() {
        noRequestsRecorded();

        TestExecutionSummary summary = run(FailingInBeforeEach.class);

        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(PRINTED.toString(StandardCharsets.UTF_8)).contains("failed; what the sandbox at");
    }

    @Test
    void anAbortedTestIsNotReportedAsFailed() {
        noRequestsRecorded();

        TestExecutionSummary summary = run(Aborted.class);

        assertThat(summary.getTestsAbortedCount()).isEqualTo(1);
        assertThat(PRINTED.toString(StandardCharsets.UTF_8)).doesNotContain("failed;");
    }

    @Test
    void constructorLifecycleAndParameterizedTestsGetTheSandboxAndEachInvocationIsReset() {
        TestExecutionSummary summary = run(Injected.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(RECEIVED).containsExactly("before all " + url(), "constructor " + url(),
                "POST /sandbox/_sandbox/reset", "a " + url(), "constructor " + url(), "POST /sandbox/_sandbox/reset",
                "b " + url());
    }

    @ExtendWith(SandboxExtension.class)
    @KeepSandbox
    static class KeptAndFailing {

        @Test
        void fails() {
            throw new AssertionError("the booking was not made");
        }
    }

    @ExtendWith(SandboxExtension.class)
    @KeepSandbox
    static class KeptOuter {

        @Nested
        class Inner {

            @Test
            void only() {
                RECEIVED.add("kept");
            }
        }
    }

    static class FailingInBeforeEach {

        @RegisterExtension
        final SandboxExtension sandbox = new SandboxExtension(OUT);

        @BeforeEach
        void setUp() {
            throw new AssertionError("the show could not be set up");
        }

        @Test
        void sells() {
        }
    }

    static class Aborted {

        @RegisterExtension
        final SandboxExtension sandbox = new SandboxExtension(OUT);

        @Test
        void onlyOnTuesdays() {
            Assumptions.assumeTrue(false, "not today");
        }
    }

    @ExtendWith(SandboxExtension.class)
    static class Injected {

        Injected(SandboxControl sandbox) {
            RECEIVED.add("constructor " + sandbox.url());
        }

        @BeforeAll
        static void all(SandboxControl sandbox) {
            RECEIVED.add("before all " + sandbox.url());
        }

        @ParameterizedTest
        @ValueSource(strings = {"a", "b"})
        void each(String value, SandboxControl sandbox) {
            RECEIVED.add(value + " " + sandbox.url());
        }
    }
}
