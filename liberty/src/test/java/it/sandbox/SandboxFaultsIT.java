package it.sandbox;

import static it.sandbox.SandboxHttp.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.sandbox.client.Fault;
import ch.ticketpark.sandbox.client.Faults;
import ch.ticketpark.sandbox.client.RecordedRequest;
import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.SandboxStats;
import ch.ticketpark.sandbox.client.junit.SandboxExtension;

/**
 * Each fault mode of the control plane, as a client sees it, and the counters and request log that show it. The
 * faults are armed through the test kit's {@link SandboxControl}; the list of armed faults and the refusal of invalid
 * ones are read from the control plane's own HTTP answers.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(SandboxExtension.class)
@RunAsClient
class SandboxFaultsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SandboxHttp.emptyWar("sandbox-faults-it");
    }

    private final SandboxHttp api = new SandboxHttp();
    /** Reset before each test by the extension. */
    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @Test
    void statusFaultsAnswerTheNextNRequestsThenTheEndpointRecovers() {
        sandbox.arm(Faults.token().status(503).retryAfter(7).times(2));

        Reply first = SandboxHttp.passwordGrant();
        Reply second = SandboxHttp.passwordGrant();
        Reply third = SandboxHttp.passwordGrant();

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header("retry-after")).contains("7");
        assertThat(first.json().getString("error")).isEqualTo("temporarily_unavailable");
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(200);
        SandboxStats stats = sandbox.stats();
        assertThat(stats.tokenFaults()).isEqualTo(2);
        assertThat(stats.passwordGrants()).isEqualTo(1);
        assertThat(sandbox.faultsInjected().get("token")).isEqualTo(2);
    }

    @Test
    void apiStatusFaultComesBeforeTheBearerCheck() {
        api.accessToken();
        sandbox.arm(Faults.api().status(500));

        Reply failed = api.get("/events/");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().getInt("code")).isEqualTo(500);
        assertThat(failed.header("retry-after")).isEmpty();
        assertThat(api.get("/events/").status()).isEqualTo(200);
        assertThat(sandbox.stats().apiFaults()).isEqualTo(1);
    }

    @Test
    void delayHoldsTheAnswerBack() {
        api.accessToken();
        sandbox.arm(Faults.api().delay(Duration.ofMillis(1500)));

        Instant start = Instant.now();
        Reply slow = api.get("/events/");

        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(slow.status()).isEqualTo(200);
    }

    @Test
    void dropClosesTheConnectionBeforeTheAnnouncedBodyIsComplete() throws IOException {
        sandbox.arm(Faults.token().drop());

        // a socket, not java.net.http: the JDK client hands such a truncated body over as if it were complete
        String form = "grant_type=password&username=" + URLEncoder.encode(SandboxHttp.USERNAME, StandardCharsets.UTF_8)
                + "&password=" + SandboxHttp.PASSWORD;
        String answer = exchange("POST /sandbox/oauth/v2/token HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + SandboxHttp.basic(SandboxHttp.CLIENT_KEY, SandboxHttp.CLIENT_SECRET) + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n"
                + form);

        int headerEnd = answer.indexOf("\r\n\r\n");
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(answer.substring(0, headerEnd));
        assertThat(length.find()).as(answer.substring(0, headerEnd)).isTrue();
        int body = answer.length() - headerEnd - 4;
        assertThat(body).isLessThan(Integer.parseInt(length.group(1)));
        assertThat(SandboxHttp.passwordGrant().status()).isEqualTo(200);
    }

    /** Sends a raw request and reads until the server closes the connection (at most 10 s). */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", Integer.parseInt(System.getProperty("http.port")))) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void malformedJsonCannotBeParsed() {
        sandbox.arm(Faults.token().malformedJson());

        Reply reply = SandboxHttp.passwordGrant();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("content-type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        assertThatThrownBy(() -> Json.createReader(new StringReader(reply.body())).readObject())
                .isInstanceOf(JsonParsingException.class);
    }

    @Test
    void htmlErrorPageWithStatus200() {
        api.accessToken();
        sandbox.arm(Faults.api().html());

        Reply reply = api.get("/events/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("content-type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(reply.body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void tokenAnswerWithoutAccessToken() {
        sandbox.arm(Faults.token().missingAccessToken());

        JsonObject answer = expect(200, SandboxHttp.passwordGrant()).json();

        assertThat(answer).doesNotContainKey("access_token").containsKeys("refresh_token", "expires_in");
    }

    @Test
    void tokenAnswerWithoutRefreshTokenKeepsThePresentedOneValid() {
        String refresh = SandboxHttp.passwordGrant().json().getString("refresh_token");
        sandbox.arm(Faults.token().missingRefreshToken());

        JsonObject answer = expect(200, SandboxHttp.refreshGrant(refresh)).json();

        assertThat(answer).doesNotContainKey("refresh_token").containsKey("access_token");
        expect(200, SandboxHttp.refreshGrant(refresh));
        assertThat(sandbox.stats().refreshTokenReuses()).isZero();
    }

    @Test
    void invalidClientAnswersAsTheSandboxDoesToWrongClientCredentialsAndGrantsNothing() {
        sandbox.arm(Faults.token().invalidClient().times(2));

        for (int i = 0; i < 2; i++) {
            var refused = SandboxHttp.passwordGrant();
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().getString("error")).isEqualTo("invalid_client");
        }
        assertThat(expect(200, SandboxHttp.passwordGrant()).json()).containsKey("access_token");
        assertThat(sandbox.stats().passwordGrantsSucceeded()).isEqualTo(1);
    }

    @Test
    void tokenAnswerWithoutOrWithZeroExpiresIn() {
        sandbox.arm(Faults.token().missingExpiresIn());
        sandbox.arm(Faults.token().zeroExpiresIn());

        assertThat(SandboxHttp.passwordGrant().json()).doesNotContainKey("expires_in").containsKey("access_token");
        assertThat(SandboxHttp.passwordGrant().json().getInt("expires_in")).isZero();
        assertThat(SandboxHttp.passwordGrant().json().getInt("expires_in")).isEqualTo(600);
    }

    @Test
    void everyThirdRefreshGetsTheFaultWhilePasswordGrantsPassUncounted() {
        sandbox.arm(Faults.token().zeroExpiresIn().every(3).grantType("refresh_token").times(2));
        String refresh = expect(200, SandboxHttp.passwordGrant()).json().getString("refresh_token");
        String refusedRotated = null;
        StringBuilder expiresIn = new StringBuilder();

        for (int i = 1; i <= 7; i++) {
            JsonObject password = expect(200, SandboxHttp.passwordGrant()).json();
            assertThat(password.getInt("expires_in")).as("password grant %d", i).isEqualTo(600);
            JsonObject answer = expect(200, SandboxHttp.refreshGrant(refresh)).json();
            expiresIn.append(answer.getInt("expires_in")).append(' ');
            if (i == 3) {
                refusedRotated = refresh;
                JsonObject armed = armed().getJsonObject(0);
                assertThat(armed.getInt("remaining")).isEqualTo(1);
                assertThat(armed.getInt("every")).isEqualTo(3);
                assertThat(armed.getInt("passed")).isZero();
                assertThat(armed.getString("grantType")).isEqualTo("refresh_token");
            }
            refresh = answer.getString("refresh_token");
        }

        assertThat(expiresIn.toString().trim()).isEqualTo("600 600 0 600 600 0 600");
        SandboxStats stats = sandbox.stats();
        assertThat(stats.tokenFaults()).isEqualTo(2);
        assertThat(stats.passwordGrantsSucceeded()).isEqualTo(8);
        assertThat(stats.refreshGrantsSucceeded()).isEqualTo(7);
        assertThat(sandbox.faultsInjected().get("token")).isEqualTo(2);
        assertThat(armed()).isEmpty();
        // the answer with expires_in 0 rotated the refresh token: the one presented with it is spent
        assertThat(SandboxHttp.refreshGrant(refusedRotated).json().getString("error")).isEqualTo("invalid_grant");
        assertThat(sandbox.stats().refreshTokenReuses()).isEqualTo(1);
    }

    @Test
    void theRefusedAnswerFaultsRotateTheRefreshToken() {
        for (Fault refused : List.of(Faults.token().zeroExpiresIn(), Faults.token().missingExpiresIn(),
                Faults.token().missingAccessToken())) {
            String type = refused.toString();
            String presented = SandboxHttp.passwordGrant().json().getString("refresh_token");
            sandbox.arm(refused.grantType("refresh_token"));

            JsonObject answer = expect(200, SandboxHttp.refreshGrant(presented)).json();

            String rotated = answer.getString("refresh_token");
            assertThat(rotated).as(type).isNotEqualTo(presented);
            assertThat(SandboxHttp.refreshGrant(presented).status()).as(type).isEqualTo(400);
            assertThat(expect(200, SandboxHttp.refreshGrant(rotated)).json().getInt("expires_in")).as(type)
                    .isEqualTo(600);
        }
        assertThat(sandbox.stats().refreshTokenReuses()).isEqualTo(3);
        assertThat(sandbox.stats().tokenFaults()).isEqualTo(3);
    }

    @Test
    void aStatusFaultLimitedToRefreshGrantsLetsThePasswordGrantThroughWithItsForm() {
        sandbox.arm(Faults.token().status(503).grantType("refresh_token"));

        String refresh = expect(200, SandboxHttp.passwordGrant()).json().getString("refresh_token");
        assertThat(SandboxHttp.refreshGrant(refresh).status()).isEqualTo(503);
        expect(200, SandboxHttp.refreshGrant(refresh));
        // the form reached the token endpoint intact through the filter that read grant_type
        assertThat(sandbox.requests("token", 1).get(0).grantType()).isEqualTo("refresh_token");
        assertThat(sandbox.stats().tokenFaults()).isEqualTo(1);
    }

    @Test
    void armedFaultsCanBeListedAndDisarmed() {
        sandbox.arm(Faults.api().status(502).times(3));
        sandbox.arm(Faults.token().delay(Duration.ofMillis(10)));

        JsonArray listed = armed();
        assertThat(listed).hasSize(2);
        assertThat(listed.getValuesAs(JsonObject.class))
                .filteredOn(fault -> fault.getString("target").equals("api"))
                .singleElement().satisfies(fault -> {
                    assertThat(fault.getString("type")).isEqualTo("status");
                    assertThat(fault.getInt("status")).isEqualTo(502);
                    assertThat(fault.getInt("remaining")).isEqualTo(3);
                });

        sandbox.disarm();
        assertThat(armed()).isEmpty();
        assertThat(api.get("/events/").status()).isEqualTo(200);
    }

    @Test
    void theControlPlaneNeverFailsAndRefusesInvalidFaults() {
        sandbox.arm(Faults.api().status(500).times(5));
        sandbox.stats(); // answered, not failed: SandboxControl throws on an error status

        assertThat(armRaw("{\"target\":\"api\",\"type\":\"missing_access_token\"}").status())
                .isEqualTo(400);
        assertThat(armRaw("{\"target\":\"api\",\"type\":\"status\"}").json().getString("message"))
                .isEqualTo("status needs a status");
        assertThat(armRaw("{\"target\":\"moon\",\"type\":\"drop\"}").status()).isEqualTo(400);
        assertThat(armRaw("{\"target\":\"api\",\"type\":\"drop\",\"grantType\":\"password\"}")
                .json().getString("message")).isEqualTo("grantType applies to the token target only");
        assertThat(armRaw("{\"target\":\"token\",\"type\":\"drop\",\"every\":0}").status())
                .isEqualTo(400);
    }

    @Test
    void tokenRequestsAreRecordedWithSecretsMasked() {
        String refresh = SandboxHttp.passwordGrant().json().getString("refresh_token");
        SandboxHttp.refreshGrant(refresh);

        RecordedRequest last = sandbox.requests("token", 1).get(0);
        assertThat(last.path()).isEqualTo("/oauth/v2/token");
        assertThat(last.form().get("refresh_token")).isEqualTo("****");
        assertThat(last.grantType()).isEqualTo("refresh_token");
        assertThat(last.header("authorization")).isEqualTo("Basic ****");
        // every field as the sandbox answered it (toString() would mask them once more)
        String all = sandbox.requests("token", 100).stream()
                .map(request -> List.of(request.target(), request.method(), request.path(), request.query(),
                        request.headers(), request.form(), String.valueOf(request.bearer())).toString())
                .toList().toString();
        assertThat(all).doesNotContain(SandboxHttp.PASSWORD, SandboxHttp.CLIENT_SECRET, refresh)
                .contains(SandboxHttp.USERNAME);
        // without a target: the last requests of every target
        assertThat(expect(200, SandboxHttp.send(SandboxHttp.request("/_sandbox/requests?limit=1").GET())).array())
                .hasSize(1);
        // a target that does not exist, or a negative limit, is refused rather than answered with no requests
        assertThat(SandboxHttp.send(SandboxHttp.request("/_sandbox/requests?target=API").GET()).status())
                .isEqualTo(400);
        assertThat(SandboxHttp.send(SandboxHttp.request("/_sandbox/requests?target=api&limit=-1").GET()).status())
                .isEqualTo(400);
    }

    /** The armed faults, as the control plane lists them ({@link SandboxControl} does not read them). */
    private static JsonArray armed() {
        return expect(200, SandboxHttp.send(SandboxHttp.request("/_sandbox/faults").GET())).json()
                .getJsonArray("armed");
    }

    /** Posts a fault as raw JSON, to see how the control plane answers an invalid one. */
    private static Reply armRaw(String json) {
        return SandboxHttp.send(SandboxHttp.request("/_sandbox/faults").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
