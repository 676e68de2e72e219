package it.sandbox;

import static it.sandbox.SandboxHttp.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each fault mode of the control plane, as a client sees it, and the counters and request log that show it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SandboxFaultsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SandboxHttp.emptyWar("sandbox-faults-it");
    }

    private final SandboxHttp api = new SandboxHttp();

    @BeforeEach
    void reset() {
        SandboxHttp.reset();
    }

    @Test
    void statusFaultsAnswerTheNextNRequestsThenTheEndpointRecovers() {
        arm("{\"target\":\"token\",\"type\":\"status\",\"status\":503,\"retryAfterSeconds\":7,\"count\":2}");

        Reply first = SandboxHttp.passwordGrant();
        Reply second = SandboxHttp.passwordGrant();
        Reply third = SandboxHttp.passwordGrant();

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header("retry-after")).contains("7");
        assertThat(first.json().getString("error")).isEqualTo("temporarily_unavailable");
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(200);
        JsonObject stats = SandboxHttp.stats();
        assertThat(stats.getInt("tokenFaults")).isEqualTo(2);
        assertThat(stats.getInt("passwordGrants")).isEqualTo(1);
        assertThat(faults().getJsonObject("injected").getInt("token")).isEqualTo(2);
    }

    @Test
    void apiStatusFaultComesBeforeTheBearerCheck() {
        api.accessToken();
        arm("{\"target\":\"api\",\"type\":\"status\",\"status\":500}");

        Reply failed = api.get("/events/");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().getInt("code")).isEqualTo(500);
        assertThat(failed.header("retry-after")).isEmpty();
        assertThat(api.get("/events/").status()).isEqualTo(200);
        assertThat(SandboxHttp.stats().getInt("apiFaults")).isEqualTo(1);
    }

    @Test
    void delayHoldsTheAnswerBack() {
        api.accessToken();
        arm("{\"target\":\"api\",\"type\":\"delay\",\"delayMillis\":1500}");

        Instant start = Instant.now();
        Reply slow = api.get("/events/");

        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(slow.status()).isEqualTo(200);
    }

    @Test
    void dropClosesTheConnectionBeforeTheAnnouncedBodyIsComplete() throws IOException {
        arm("{\"target\":\"token\",\"type\":\"drop\"}");

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
        arm("{\"target\":\"token\",\"type\":\"malformed_json\"}");

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
        arm("{\"target\":\"api\",\"type\":\"html\"}");

        Reply reply = api.get("/events/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("content-type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(reply.body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void tokenAnswerWithoutAccessToken() {
        arm("{\"target\":\"token\",\"type\":\"missing_access_token\"}");

        JsonObject answer = expect(200, SandboxHttp.passwordGrant()).json();

        assertThat(answer).doesNotContainKey("access_token").containsKeys("refresh_token", "expires_in");
    }

    @Test
    void tokenAnswerWithoutRefreshTokenKeepsThePresentedOneValid() {
        String refresh = SandboxHttp.passwordGrant().json().getString("refresh_token");
        arm("{\"target\":\"token\",\"type\":\"missing_refresh_token\"}");

        JsonObject answer = expect(200, SandboxHttp.refreshGrant(refresh)).json();

        assertThat(answer).doesNotContainKey("refresh_token").containsKey("access_token");
        expect(200, SandboxHttp.refreshGrant(refresh));
        assertThat(SandboxHttp.stats().getInt("refreshTokenReuses")).isZero();
    }

    @Test
    void invalidClientAnswersAsTheSandboxDoesToWrongClientCredentialsAndGrantsNothing() {
        arm("{\"target\":\"token\",\"type\":\"invalid_client\",\"count\":2}");

        for (int i = 0; i < 2; i++) {
            var refused = SandboxHttp.passwordGrant();
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().getString("error")).isEqualTo("invalid_client");
        }
        assertThat(expect(200, SandboxHttp.passwordGrant()).json()).containsKey("access_token");
        assertThat(SandboxHttp.stats().getInt("passwordGrantsSucceeded")).isEqualTo(1);
    }

    @Test
    void tokenAnswerWithoutOrWithZeroExpiresIn() {
        arm("{\"target\":\"token\",\"type\":\"missing_expires_in\"}");
        arm("{\"target\":\"token\",\"type\":\"zero_expires_in\"}");

        assertThat(SandboxHttp.passwordGrant().json()).doesNotContainKey("expires_in").containsKey("access_token");
        assertThat(SandboxHttp.passwordGrant().json().getInt("expires_in")).isZero();
        assertThat(SandboxHttp.passwordGrant().json().getInt("expires_in")).isEqualTo(600);
    }

    @Test
    void everyThirdRefreshGetsTheFaultWhilePasswordGrantsPassUncounted() {
        arm("{\"target\":\"token\",\"type\":\"zero_expires_in\",\"every\":3,\"grantType\":\"refresh_token\","
                + "\"count\":2}");
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
                JsonObject armed = faults().getJsonArray("armed").getJsonObject(0);
                assertThat(armed.getInt("remaining")).isEqualTo(1);
                assertThat(armed.getInt("every")).isEqualTo(3);
                assertThat(armed.getInt("passed")).isZero();
                assertThat(armed.getString("grantType")).isEqualTo("refresh_token");
            }
            refresh = answer.getString("refresh_token");
        }

        assertThat(expiresIn.toString().trim()).isEqualTo("600 600 0 600 600 0 600");
        JsonObject stats = SandboxHttp.stats();
        assertThat(stats.getInt("tokenFaults")).isEqualTo(2);
        assertThat(stats.getInt("passwordGrantsSucceeded")).isEqualTo(8);
        assertThat(stats.getInt("refreshGrantsSucceeded")).isEqualTo(7);
        assertThat(faults().getJsonObject("injected").getInt("token")).isEqualTo(2);
        assertThat(faults().getJsonArray("armed")).isEmpty();
        // the answer with expires_in 0 rotated the refresh token: the one presented with it is spent
        assertThat(SandboxHttp.refreshGrant(refusedRotated).json().getString("error")).isEqualTo("invalid_grant");
        assertThat(SandboxHttp.stats().getInt("refreshTokenReuses")).isEqualTo(1);
    }

    @Test
    void theRefusedAnswerFaultsRotateTheRefreshToken() {
        for (String type : new String[]{"zero_expires_in", "missing_expires_in", "missing_access_token"}) {
            String presented = SandboxHttp.passwordGrant().json().getString("refresh_token");
            arm("{\"target\":\"token\",\"type\":\"" + type + "\",\"grantType\":\"refresh_token\"}");

            JsonObject answer = expect(200, SandboxHttp.refreshGrant(presented)).json();

            String rotated = answer.getString("refresh_token");
            assertThat(rotated).as(type).isNotEqualTo(presented);
            assertThat(SandboxHttp.refreshGrant(presented).status()).as(type).isEqualTo(400);
            assertThat(expect(200, SandboxHttp.refreshGrant(rotated)).json().getInt("expires_in")).as(type)
                    .isEqualTo(600);
        }
        assertThat(SandboxHttp.stats().getInt("refreshTokenReuses")).isEqualTo(3);
        assertThat(SandboxHttp.stats().getInt("tokenFaults")).isEqualTo(3);
    }

    @Test
    void aStatusFaultLimitedToRefreshGrantsLetsThePasswordGrantThroughWithItsForm() {
        arm("{\"target\":\"token\",\"type\":\"status\",\"status\":503,\"grantType\":\"refresh_token\"}");

        String refresh = expect(200, SandboxHttp.passwordGrant()).json().getString("refresh_token");
        assertThat(SandboxHttp.refreshGrant(refresh).status()).isEqualTo(503);
        expect(200, SandboxHttp.refreshGrant(refresh));
        // the form reached the token endpoint intact through the filter that read grant_type
        JsonObject recorded = expect(200, SandboxHttp.control("GET", "requests/last?target=token")).json();
        assertThat(recorded.getJsonObject("form").getString("grant_type")).isEqualTo("refresh_token");
        assertThat(SandboxHttp.stats().getInt("tokenFaults")).isEqualTo(1);
    }

    @Test
    void armedFaultsCanBeListedAndDisarmed() {
        arm("{\"target\":\"api\",\"type\":\"status\",\"status\":502,\"count\":3}");
        arm("{\"target\":\"token\",\"type\":\"delay\",\"delayMillis\":10}");

        JsonObject listed = faults();
        assertThat(listed.getJsonArray("armed")).hasSize(2);
        assertThat(listed.getJsonArray("armed").getValuesAs(JsonObject.class))
                .filteredOn(fault -> fault.getString("target").equals("api"))
                .singleElement().satisfies(fault -> {
                    assertThat(fault.getString("type")).isEqualTo("status");
                    assertThat(fault.getInt("status")).isEqualTo(502);
                    assertThat(fault.getInt("remaining")).isEqualTo(3);
                });

        expect(204, SandboxHttp.control("DELETE", "faults"));
        assertThat(faults().getJsonArray("armed")).isEmpty();
        assertThat(api.get("/events/").status()).isEqualTo(200);
    }

    @Test
    void theControlPlaneNeverFailsAndRefusesInvalidFaults() {
        arm("{\"target\":\"api\",\"type\":\"status\",\"status\":500,\"count\":5}");
        expect(200, SandboxHttp.control("GET", "stats"));

        assertThat(SandboxHttp.armFault("{\"target\":\"api\",\"type\":\"missing_access_token\"}").status())
                .isEqualTo(400);
        assertThat(SandboxHttp.armFault("{\"target\":\"api\",\"type\":\"status\"}").json().getString("message"))
                .isEqualTo("status needs a status");
        assertThat(SandboxHttp.armFault("{\"target\":\"moon\",\"type\":\"drop\"}").status()).isEqualTo(400);
        assertThat(SandboxHttp.armFault("{\"target\":\"api\",\"type\":\"drop\",\"grantType\":\"password\"}")
                .json().getString("message")).isEqualTo("grantType applies to the token target only");
        assertThat(SandboxHttp.armFault("{\"target\":\"token\",\"type\":\"drop\",\"every\":0}").status())
                .isEqualTo(400);
    }

    @Test
    void tokenRequestsAreRecordedWithSecretsMasked() {
        String refresh = SandboxHttp.passwordGrant().json().getString("refresh_token");
        SandboxHttp.refreshGrant(refresh);

        JsonObject last = expect(200, SandboxHttp.control("GET", "requests/last?target=token")).json();
        assertThat(last.getString("path")).isEqualTo("/oauth/v2/token");
        assertThat(last.getJsonObject("form").getString("refresh_token")).isEqualTo("****");
        assertThat(last.getJsonObject("form").getString("grant_type")).isEqualTo("refresh_token");
        assertThat(last.getJsonObject("headers").getJsonArray("authorization").getString(0)).isEqualTo("Basic ****");
        String all = SandboxHttp.control("GET", "requests?target=token").body();
        assertThat(all).doesNotContain(SandboxHttp.PASSWORD, SandboxHttp.CLIENT_SECRET, refresh)
                .contains(SandboxHttp.USERNAME);
        assertThat(SandboxHttp.control("GET", "requests?limit=1").array()).hasSize(1);
    }

    private static void arm(String fault) {
        expect(200, SandboxHttp.armFault(fault));
    }

    private static JsonObject faults() {
        return expect(200, SandboxHttp.control("GET", "faults")).json();
    }
}
