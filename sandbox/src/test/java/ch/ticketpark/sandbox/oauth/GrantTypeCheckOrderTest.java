package ch.ticketpark.sandbox.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ch.ticketpark.sandbox.Counter;
import ch.ticketpark.sandbox.MutableClock;
import ch.ticketpark.sandbox.SandboxSettings;
import ch.ticketpark.sandbox.SandboxStats;

/**
 * Which {@code grant_type} values oauth2-php refuses before client authentication and which after it, and with what:
 * each value with the right client credentials, wrong ones and none. Valid user credentials are always sent, so a
 * {@code password}-like value that got through would be granted.
 */
class GrantTypeCheckOrderTest {

    private static final OAuthError MALFORMED = OAuthError.GRANT_TYPE_MISSING;
    private static final OAuthError UNSUPPORTED = OAuthError.GRANT_TYPE_UNSUPPORTED;
    private static final OAuthError WRONG_CLIENT = OAuthError.CLIENT_CREDENTIALS_INVALID;
    private static final OAuthError NO_CLIENT = OAuthError.CLIENT_ID_NOT_FOUND;

    private final SandboxStats stats = new SandboxStats();
    private final TokenAuthority authority = new TokenAuthority(
            new MutableClock(Instant.parse("2026-05-01T08:00:00Z")), SandboxSettings.defaults(), stats);

    /** grant_type, then the refusal with the right client, with a wrong secret, without client credentials. */
    static Stream<Arguments> grantTypes() {
        return Stream.of(
                // refused before the client is looked at: not oauth2-php's pattern
                row(null, MALFORMED, MALFORMED, MALFORMED),
                row("", MALFORMED, MALFORMED, MALFORMED),
                row("foo", MALFORMED, MALFORMED, MALFORMED),
                row("PASSWORD", MALFORMED, MALFORMED, MALFORMED),
                row("Refresh_Token", MALFORMED, MALFORMED, MALFORMED),
                row("password ", MALFORMED, MALFORMED, MALFORMED),
                row(" password", MALFORMED, MALFORMED, MALFORMED),
                row("passwordx", MALFORMED, MALFORMED, MALFORMED),
                row("implicit", MALFORMED, MALFORMED, MALFORMED),
                row("urn:", MALFORMED, MALFORMED, MALFORMED),
                row("URN:ietf:params:oauth:grant-type:jwt-bearer", MALFORMED, MALFORMED, MALFORMED),
                row("https://", MALFORMED, MALFORMED, MALFORMED),
                row("ftp://example.com/grants/x", MALFORMED, MALFORMED, MALFORMED),
                row("password\r\n", MALFORMED, MALFORMED, MALFORMED),
                // the pattern's own grant types without a grant here: after client authentication
                row("authorization_code", UNSUPPORTED, WRONG_CLIENT, NO_CLIENT),
                row("client_credentials", UNSUPPORTED, WRONG_CLIENT, NO_CLIENT),
                // oauth2-php has no case for the implicit grant's "token": its default branch finds neither a URN
                // nor a URL
                row("token", MALFORMED, WRONG_CLIENT, NO_CLIENT),
                // extension grants: a URN or a valid URL
                row("urn:ietf:params:oauth:grant-type:jwt-bearer", UNSUPPORTED, WRONG_CLIENT, NO_CLIENT),
                row("https://example.com/grants/x", UNSUPPORTED, WRONG_CLIENT, NO_CLIENT),
                row("http://localhost:8080/grant?x=1", UNSUPPORTED, WRONG_CLIENT, NO_CLIENT),
                row("https://[::1]/grant", UNSUPPORTED, WRONG_CLIENT, NO_CLIENT),
                // match the pattern, but no URL: refused as malformed, after client authentication
                row("https://exa mple.com/x", MALFORMED, WRONG_CLIENT, NO_CLIENT),
                row("https://bad_host.example/x", MALFORMED, WRONG_CLIENT, NO_CLIENT),
                row("https://-example.com/x", MALFORMED, WRONG_CLIENT, NO_CLIENT),
                // PCRE's $ also matches before a final line feed: the pattern lets it through, no case takes it
                row("password\n", MALFORMED, WRONG_CLIENT, NO_CLIENT),
                row("refresh_token\n", MALFORMED, WRONG_CLIENT, NO_CLIENT),
                row("urn:x\n", UNSUPPORTED, WRONG_CLIENT, NO_CLIENT));
    }

    @ParameterizedTest(name = "grant_type={0}")
    @MethodSource("grantTypes")
    void grantTypeIsCheckedInFosOrder(String shown, String grantType, OAuthError rightClient, OAuthError wrongClient,
            OAuthError noClient) {
        assertThat(refusal(request(grantType, basic("demo-client:demo-secret")))).as("right client")
                .isEqualTo(rightClient);
        assertThat(refusal(request(grantType, basic("demo-client:wrong")))).as("wrong secret").isEqualTo(wrongClient);
        assertThat(refusal(request(grantType, null))).as("no client credentials").isEqualTo(noClient);
    }

    @Test
    void unsupportedGrantTypeHasNoDescriptionAsInOauth2Php() {
        assertThat(UNSUPPORTED.error()).isEqualTo("unsupported_grant_type");
        assertThat(UNSUPPORTED.description()).isNull();
        assertThat(MALFORMED).isEqualTo(
                new OAuthError("invalid_request", "Invalid grant_type parameter or parameter missing"));
    }

    @Test
    void otherGrantTypesAreCountedAsFailedOtherGrants() {
        refusal(request("foo", basic("demo-client:demo-secret")));
        refusal(request("client_credentials", basic("demo-client:demo-secret")));
        refusal(request("password\n", basic("demo-client:demo-secret")));

        assertThat(stats.counters().get(Counter.OTHER_GRANTS_FAILED)).isEqualTo(3);
        assertThat(stats.snapshot().passwordGrants()).isZero();
        assertThat(stats.snapshot().tokenErrors()).isEqualTo(3);
    }

    private static Arguments row(String grantType, OAuthError rightClient, OAuthError wrongClient,
            OAuthError noClient) {
        String shown = grantType == null
                ? "(missing)"
                : "'" + grantType.replace("\r", "\\r").replace("\n", "\\n") + "'";
        return Arguments.of(shown, grantType, rightClient, wrongClient, noClient);
    }

    private static TokenRequest request(String grantType, String authorization) {
        return new TokenRequest(grantType, authorization, null, null, "demo@ticketpark.test", "demo-password",
                "some-refresh-token");
    }

    private OAuthError refusal(TokenRequest request) {
        try {
            IssuedTokens tokens = authority.grant(request);
            return fail("expected a refusal, got " + tokens);
        } catch (OAuthException e) {
            return e.error();
        }
    }

    private static String basic(String keyAndSecret) {
        return "Basic " + Base64.getEncoder().encodeToString(keyAndSecret.getBytes(StandardCharsets.UTF_8));
    }
}
