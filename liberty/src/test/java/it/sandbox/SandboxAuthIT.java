package it.sandbox;

import static it.sandbox.SandboxHttp.basic;
import static it.sandbox.SandboxHttp.expect;
import static it.sandbox.SandboxHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.SandboxStats;
import ch.ticketpark.sandbox.client.junit.SandboxExtension;

/** The token endpoint's error table and rotation rules, and the API's 401 variants, over HTTP. */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(SandboxExtension.class)
@RunAsClient
class SandboxAuthIT {

    private static final String BASIC = basic(SandboxHttp.CLIENT_KEY, SandboxHttp.CLIENT_SECRET);

    /** Reset before each test by the extension. */
    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SandboxHttp.emptyWar("sandbox-auth-it");
    }

    @Test
    void passwordGrantAnswersATokenPairThatIsNotCached() {
        Reply reply = expect(200, SandboxHttp.passwordGrant());

        JsonObject tokens = reply.json();
        assertThat(tokens.getString("access_token")).isNotBlank();
        assertThat(tokens.getString("refresh_token")).isNotBlank();
        assertThat(tokens.getInt("expires_in")).isEqualTo(600);
        assertThat(tokens.getString("token_type")).isEqualTo("bearer");
        assertThat(tokens.isNull("scope")).isTrue();
        assertThat(reply.header("cache-control")).contains("no-store");
        assertThat(reply.header("pragma")).contains("no-cache");
    }

    @Test
    void clientCredentialsMayComeInTheBody() {
        Reply reply = SandboxHttp.tokenRequest(null, form("grant_type", "password", "client_id",
                SandboxHttp.CLIENT_KEY, "client_secret", SandboxHttp.CLIENT_SECRET, "username", SandboxHttp.USERNAME,
                "password", SandboxHttp.PASSWORD));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void everyRowOfTheErrorTableIsA400WithItsCode() {
        assertError(SandboxHttp.tokenRequest(BASIC, form("username", "x")), "invalid_request",
                "Invalid grant_type parameter or parameter missing");
        assertError(SandboxHttp.tokenRequest(null, form("grant_type", "password")), "invalid_client",
                "Client id was not found in the headers or body");
        assertError(SandboxHttp.tokenRequest(basic(SandboxHttp.CLIENT_KEY, "wrong"), form("grant_type", "password",
                "username", SandboxHttp.USERNAME, "password", SandboxHttp.PASSWORD)), "invalid_client",
                "The client credentials are invalid");
        assertError(SandboxHttp.tokenRequest(BASIC, form("grant_type", "client_credentials")),
                "unsupported_grant_type", null);
        assertError(SandboxHttp.tokenRequest(BASIC, form("grant_type", "password", "username", "x")),
                "invalid_request", "Missing parameters. \"username\" and \"password\" required");
        assertError(SandboxHttp.tokenRequest(BASIC, form("grant_type", "password", "username", SandboxHttp.USERNAME,
                "password", "wrong")), "invalid_grant", "Invalid username and password combination");
        assertError(SandboxHttp.tokenRequest(BASIC, form("grant_type", "refresh_token")), "invalid_request",
                "No \"refresh_token\" parameter found");
        assertError(SandboxHttp.refreshGrant("never-issued"), "invalid_grant", "Invalid refresh token");

        SandboxStats stats = sandbox.stats();
        assertThat(stats.tokenErrors()).isEqualTo(8);
        assertThat(stats.counter("passwordGrantsFailed")).isEqualTo(4);
        assertThat(stats.counter("refreshGrantsFailed")).isEqualTo(2);
        assertThat(stats.counter("otherGrantsFailed")).isEqualTo(2);
    }

    @Test
    void aGrantTypeOutsideTheFosPatternIsRefusedBeforeTheClientIsChecked() {
        String wrongClient = basic(SandboxHttp.CLIENT_KEY, "wrong");
        for (String grantType : new String[]{"foo", "PASSWORD", "password "}) {
            assertError(SandboxHttp.tokenRequest(BASIC, form("grant_type", grantType)), "invalid_request",
                    "Invalid grant_type parameter or parameter missing");
            assertError(SandboxHttp.tokenRequest(wrongClient, form("grant_type", grantType)), "invalid_request",
                    "Invalid grant_type parameter or parameter missing");
            assertError(SandboxHttp.tokenRequest(null, form("grant_type", grantType)), "invalid_request",
                    "Invalid grant_type parameter or parameter missing");
        }
        assertThat(sandbox.stats().counter("otherGrantsFailed")).isEqualTo(9);
    }

    @Test
    void aWellFormedGrantTypeWithoutAGrantHereIsRefusedAfterTheClientIsChecked() {
        String wrongClient = basic(SandboxHttp.CLIENT_KEY, "wrong");
        for (String grantType : new String[]{"client_credentials", "authorization_code",
                "urn:ietf:params:oauth:grant-type:jwt-bearer", "https://example.com/grants/x"}) {
            assertError(SandboxHttp.tokenRequest(wrongClient, form("grant_type", grantType)), "invalid_client",
                    "The client credentials are invalid");
            assertError(SandboxHttp.tokenRequest(BASIC, form("grant_type", grantType)), "unsupported_grant_type",
                    null);
        }
        // oauth2-php has no grant for the implicit grant's "token" at the token endpoint, and it is no URL or URN
        assertError(SandboxHttp.tokenRequest(wrongClient, form("grant_type", "token")), "invalid_client",
                "The client credentials are invalid");
        assertError(SandboxHttp.tokenRequest(BASIC, form("grant_type", "token")), "invalid_request",
                "Invalid grant_type parameter or parameter missing");
    }

    @Test
    void anExpiredRefreshTokenIsRefused() {
        sandbox.lifetimes(null, Duration.ofSeconds(60));
        String refresh = SandboxHttp.passwordGrant().json().getString("refresh_token");

        sandbox.advanceClock(Duration.ofSeconds(61));

        assertError(SandboxHttp.refreshGrant(refresh), "invalid_grant", "Refresh token has expired");
    }

    @Test
    void eachRefreshRotatesTheRefreshTokenAndOldAccessTokensStayValid() {
        JsonObject first = SandboxHttp.passwordGrant().json();
        JsonObject second = expect(200, SandboxHttp.refreshGrant(first.getString("refresh_token"))).json();

        assertThat(second.getString("refresh_token")).isNotEqualTo(first.getString("refresh_token"));
        assertError(SandboxHttp.refreshGrant(first.getString("refresh_token")), "invalid_grant",
                "Invalid refresh token");
        expect(200, SandboxHttp.refreshGrant(second.getString("refresh_token")));
        assertThat(apiWith("Bearer " + first.getString("access_token")).status()).isEqualTo(200);

        SandboxStats stats = sandbox.stats();
        assertThat(stats.refreshTokenReuses()).isEqualTo(1);
        assertThat(stats.refreshGrantsSucceeded()).isEqualTo(2);
        assertThat(stats.passwordGrantsSucceeded()).isEqualTo(1);
    }

    @Test
    void aPasswordGrantRevokesNothing() {
        JsonObject first = SandboxHttp.passwordGrant().json();
        SandboxHttp.passwordGrant();

        expect(200, SandboxHttp.refreshGrant(first.getString("refresh_token")));
        assertThat(apiWith("Bearer " + first.getString("access_token")).status()).isEqualTo(200);
    }

    @Test
    void missingTokenIs401AccessDenied() {
        assert401(apiWith(null), "access_denied", "OAuth2 authentication required");
    }

    @Test
    void unknownTokenIs401InvalidGrant() {
        assert401(apiWith("Bearer not-a-token"), "invalid_grant", "The access token provided is invalid.");
    }

    @Test
    void expiredTokenIs401InvalidGrant() {
        String token = SandboxHttp.passwordGrant().json().getString("access_token");

        sandbox.advanceClock(Duration.ofSeconds(600));

        assert401(apiWith("Bearer " + token), "invalid_grant", "The access token provided has expired.");
    }

    @Test
    void revokedTokenIs401AndTheRefreshTokenStillWorks() {
        JsonObject tokens = SandboxHttp.passwordGrant().json();

        sandbox.revoke();

        assert401(apiWith("Bearer " + tokens.getString("access_token")), "invalid_grant",
                "The access token provided is invalid.");
        expect(200, SandboxHttp.refreshGrant(tokens.getString("refresh_token")));
        assertThat(sandbox.stats().apiUnauthorized()).isEqualTo(1);
    }

    @Test
    void everyCollectionAndTheEmailActionAreProtected() {
        for (String path : new String[]{"/venues/", "/sectors/", "/events/", "/shows/", "/prices/", "/persons/",
                "/bookings/", "/tickets/", "/ticketoptiongroups/", "/ticketoptions/", "/ticketoptionlimitations/",
                "/options/", "/annotations/", "/events/a1b2c3d4e5f60718/bookings/",
                "/bookings/293233446073/tickets/"}) {
            assertThat(SandboxHttp.send(SandboxHttp.request(path).GET()).status()).as(path).isEqualTo(401);
        }
        assertThat(SandboxHttp.send(SandboxHttp.request("/email/send").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))).status()).isEqualTo(401);
    }

    private static Reply apiWith(String authorization) {
        HttpRequest.Builder request = SandboxHttp.request("/events/").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return SandboxHttp.send(request);
    }

    private static void assert401(Reply reply, String error, String description) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json()).isEqualTo(SandboxHttp.object("{\"error\":\"" + error
                + "\",\"error_description\":\"" + description + "\"}"));
        assertThat(reply.header("www-authenticate")).contains("Bearer realm=\"Service\", error=\"" + error
                + "\", error_description=\"" + description + "\"");
    }

    /** A 400 with exactly this body; a {@code null} description is a JSON {@code null}, as oauth2-php sends it. */
    private static void assertError(Reply reply, String error, String description) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json()).isEqualTo(SandboxHttp.object("{\"error\":\"" + error + "\",\"error_description\":"
                + (description == null ? "null" : jakarta.json.Json.createValue(description).toString()) + "}"));
        assertThat(reply.header("cache-control")).contains("no-store");
    }
}
