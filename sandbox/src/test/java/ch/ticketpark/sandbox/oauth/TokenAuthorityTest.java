package ch.ticketpark.sandbox.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import ch.ticketpark.sandbox.MutableClock;
import ch.ticketpark.sandbox.SandboxSettings;
import ch.ticketpark.sandbox.SandboxStats;
import ch.ticketpark.sandbox.StatsSnapshot;

class TokenAuthorityTest {

    private static final String USER = "demo@ticketpark.test";
    private static final String PASSWORD = "demo-password";
    private static final String BASIC = basic("demo-client:demo-secret");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private final SandboxStats stats = new SandboxStats();
    private final TokenAuthority authority = new TokenAuthority(clock, SandboxSettings.defaults(), stats);

    @Nested
    class CheckOrder {

        @Test
        void missingGrantTypeComesBeforeClientAuthentication() {
            assertThat(refusal(new TokenRequest(null, null, null, null, null, null, null)))
                    .isEqualTo(OAuthError.GRANT_TYPE_MISSING);
            assertThat(refusal(new TokenRequest("", basic("nobody:wrong"), null, null, null, null, null)))
                    .isEqualTo(OAuthError.GRANT_TYPE_MISSING);
        }

        @Test
        void missingClientCredentialsComeBeforeGrantParameters() {
            assertThat(refusal(passwordRequest(null, null, null))).isEqualTo(OAuthError.CLIENT_ID_NOT_FOUND);
            assertThat(refusal(new TokenRequest("password", null, "", "demo-secret", USER, PASSWORD, null)))
                    .isEqualTo(OAuthError.CLIENT_ID_NOT_FOUND);
        }

        @Test
        void unknownClientOrWrongSecretIsInvalidClient() {
            assertThat(refusal(passwordRequest(basic("other-client:demo-secret"), USER, PASSWORD)))
                    .isEqualTo(OAuthError.CLIENT_CREDENTIALS_INVALID);
            assertThat(refusal(passwordRequest(basic("demo-client:wrong"), USER, PASSWORD)))
                    .isEqualTo(OAuthError.CLIENT_CREDENTIALS_INVALID);
            assertThat(refusal(new TokenRequest("password", null, "demo-client", "wrong", USER, PASSWORD, null)))
                    .isEqualTo(OAuthError.CLIENT_CREDENTIALS_INVALID);
            assertThat(refusal(new TokenRequest("password", null, "demo-client", null, USER, PASSWORD, null)))
                    .isEqualTo(OAuthError.CLIENT_CREDENTIALS_INVALID);
        }

        @Test
        void malformedBasicHeaderIsInvalidClient() {
            assertThat(refusal(passwordRequest("Basic %%%not-base64%%%", USER, PASSWORD)))
                    .isEqualTo(OAuthError.CLIENT_CREDENTIALS_INVALID);
            assertThat(refusal(passwordRequest(basic("no-colon-here"), USER, PASSWORD)))
                    .isEqualTo(OAuthError.CLIENT_CREDENTIALS_INVALID);
        }

        @Test
        void unsupportedGrantTypeComesAfterClientAuthentication() {
            TokenRequest badClient = new TokenRequest("client_credentials", basic("x:y"), null, null, null, null,
                    null);
            TokenRequest goodClient = new TokenRequest("client_credentials", BASIC, null, null, null, null, null);

            assertThat(refusal(badClient)).isEqualTo(OAuthError.CLIENT_CREDENTIALS_INVALID);
            assertThat(refusal(goodClient)).isEqualTo(OAuthError.GRANT_TYPE_UNSUPPORTED);
            assertThat(OAuthError.GRANT_TYPE_UNSUPPORTED.error()).isEqualTo("unsupported_grant_type");
        }

        @Test
        void passwordGrantNeedsBothParametersThenTheRightCombination() {
            assertThat(refusal(passwordRequest(BASIC, null, PASSWORD))).isEqualTo(OAuthError.USER_CREDENTIALS_MISSING);
            assertThat(refusal(passwordRequest(BASIC, USER, ""))).isEqualTo(OAuthError.USER_CREDENTIALS_MISSING);
            assertThat(refusal(passwordRequest(BASIC, USER, "wrong"))).isEqualTo(OAuthError.USER_CREDENTIALS_INVALID);
            assertThat(refusal(passwordRequest(BASIC, "someone@else.test", PASSWORD)))
                    .isEqualTo(OAuthError.USER_CREDENTIALS_INVALID);
        }

        @Test
        void refreshGrantNeedsAKnownToken() {
            assertThat(refusal(refreshRequest(null))).isEqualTo(OAuthError.REFRESH_TOKEN_MISSING);
            assertThat(refusal(refreshRequest("never-issued"))).isEqualTo(OAuthError.REFRESH_TOKEN_INVALID);
        }

        @Test
        void refreshTokenExpiresAfterItsLifetime() {
            String refreshToken = login().refreshToken();
            clock.advance(Duration.ofDays(14));

            assertThat(refusal(refreshRequest(refreshToken))).isEqualTo(OAuthError.REFRESH_TOKEN_EXPIRED);
        }

        @Test
        void refreshTokenIsValidJustBeforeItsLifetimeEnds() {
            String refreshToken = login().refreshToken();
            clock.advance(Duration.ofDays(14).minusSeconds(1));

            assertThat(authority.grant(refreshRequest(refreshToken)).accessToken()).isNotBlank();
        }

        @Test
        void errorCodesAndDescriptionsAreThoseOfFos() {
            assertThat(OAuthError.GRANT_TYPE_MISSING).isEqualTo(new OAuthError("invalid_request",
                    "Invalid grant_type parameter or parameter missing"));
            assertThat(OAuthError.CLIENT_ID_NOT_FOUND).isEqualTo(new OAuthError("invalid_client",
                    "Client id was not found in the headers or body"));
            assertThat(OAuthError.USER_CREDENTIALS_MISSING).isEqualTo(new OAuthError("invalid_request",
                    "Missing parameters. \"username\" and \"password\" required"));
            assertThat(OAuthError.REFRESH_TOKEN_MISSING).isEqualTo(new OAuthError("invalid_request",
                    "No \"refresh_token\" parameter found"));
            assertThat(OAuthError.REFRESH_TOKEN_EXPIRED).isEqualTo(new OAuthError("invalid_grant",
                    "Refresh token has expired"));
        }
    }

    @Nested
    class Success {

        @Test
        void passwordGrantIssuesARandomUrlSafePair() {
            IssuedTokens tokens = login();

            assertThat(tokens.accessToken()).hasSize(40).matches("[A-Za-z0-9_-]+");
            assertThat(tokens.refreshToken()).hasSize(40).matches("[A-Za-z0-9_-]+")
                    .isNotEqualTo(tokens.accessToken());
            assertThat(tokens.expiresIn()).isEqualTo(Duration.ofSeconds(600));
            assertThat(IssuedTokens.TOKEN_TYPE).isEqualTo("bearer");
            assertThat(authority.checkAccessToken(tokens.accessToken())).isEqualTo(BearerCheck.VALID);
        }

        @Test
        void clientMayAuthenticateWithFormFields() {
            IssuedTokens tokens = authority.grant(
                    new TokenRequest("password", null, "demo-client", "demo-secret", USER, PASSWORD, null));

            assertThat(authority.checkAccessToken(tokens.accessToken())).isEqualTo(BearerCheck.VALID);
        }

        @Test
        void basicHeaderTakesPrecedenceOverFormFields() {
            TokenRequest basicRight = new TokenRequest("password", BASIC, "other", "wrong", USER, PASSWORD, null);
            TokenRequest basicWrong = new TokenRequest("password", basic("demo-client:wrong"), "demo-client",
                    "demo-secret", USER, PASSWORD, null);

            assertThat(authority.grant(basicRight).accessToken()).isNotBlank();
            assertThat(refusal(basicWrong)).isEqualTo(OAuthError.CLIENT_CREDENTIALS_INVALID);
        }

        @Test
        void passwordGrantRevokesNothing() {
            IssuedTokens first = login();
            IssuedTokens second = login();

            assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
            assertThat(authority.checkAccessToken(first.accessToken())).isEqualTo(BearerCheck.VALID);
            assertThat(authority.grant(refreshRequest(first.refreshToken())).accessToken()).isNotBlank();
        }
    }

    @Nested
    class Rotation {

        @Test
        void refreshIssuesANewPairAndRetiresTheOldRefreshToken() {
            IssuedTokens first = login();

            IssuedTokens second = authority.grant(refreshRequest(first.refreshToken()));

            assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
            assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
            assertThat(refusal(refreshRequest(first.refreshToken()))).isEqualTo(OAuthError.REFRESH_TOKEN_INVALID);
            assertThat(stats.snapshot().refreshTokenReuses()).isEqualTo(1);
            assertThat(authority.grant(refreshRequest(second.refreshToken())).refreshToken()).isNotBlank();
        }

        @Test
        void oldAccessTokenStaysValidUntilItExpires() {
            IssuedTokens first = login();
            clock.advance(Duration.ofSeconds(300));
            authority.grant(refreshRequest(first.refreshToken()));

            assertThat(authority.checkAccessToken(first.accessToken())).isEqualTo(BearerCheck.VALID);
            clock.advance(Duration.ofSeconds(300));
            assertThat(authority.checkAccessToken(first.accessToken())).isEqualTo(BearerCheck.EXPIRED);
        }

        @Test
        void unknownRefreshTokenIsNotCountedAsReuse() {
            refusal(refreshRequest("never-issued"));

            assertThat(stats.snapshot().refreshTokenReuses()).isZero();
        }

        @Test
        void concurrentRefreshesWithOneTokenLetExactlyOneWin() throws Exception {
            String refreshToken = login().refreshToken();
            int threads = 32;
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    outcomes.add(executor.submit(refreshAfter(start, refreshToken)));
                }
                start.countDown();
                int successes = 0;
                for (Future<Boolean> outcome : outcomes) {
                    successes += outcome.get() ? 1 : 0;
                }

                assertThat(successes).isEqualTo(1);
                assertThat(stats.snapshot().refreshTokenReuses()).isEqualTo(threads - 1);
                assertThat(stats.snapshot().refreshGrants()).isEqualTo(threads);
            } finally {
                executor.shutdownNow();
            }
        }

        private Callable<Boolean> refreshAfter(CountDownLatch start, String refreshToken) {
            return () -> {
                start.await();
                try {
                    authority.grant(refreshRequest(refreshToken));
                    return true;
                } catch (OAuthException e) {
                    assertThat(e.error()).isEqualTo(OAuthError.REFRESH_TOKEN_INVALID);
                    return false;
                }
            };
        }
    }

    @Nested
    class AccessTokens {

        @Test
        void missingAndUnknownTokensAreToldApart() {
            assertThat(authority.checkAccessToken(null)).isEqualTo(BearerCheck.MISSING);
            assertThat(authority.checkAccessToken("")).isEqualTo(BearerCheck.MISSING);
            assertThat(authority.checkAccessToken("never-issued")).isEqualTo(BearerCheck.INVALID);
        }

        @Test
        void accessTokenExpiresAfterItsLifetime() {
            String accessToken = login().accessToken();

            clock.advance(Duration.ofSeconds(599));
            assertThat(authority.checkAccessToken(accessToken)).isEqualTo(BearerCheck.VALID);
            clock.advance(Duration.ofSeconds(1));
            assertThat(authority.checkAccessToken(accessToken)).isEqualTo(BearerCheck.EXPIRED);
        }

        @Test
        void revokeForgetsAccessTokensButKeepsRefreshTokens() {
            IssuedTokens tokens = login();

            authority.revokeAccessTokens();

            assertThat(authority.checkAccessToken(tokens.accessToken())).isEqualTo(BearerCheck.INVALID);
            IssuedTokens refreshed = authority.grant(refreshRequest(tokens.refreshToken()));
            assertThat(authority.checkAccessToken(refreshed.accessToken())).isEqualTo(BearerCheck.VALID);
        }
    }

    @Nested
    class Lifetimes {

        @Test
        void changedLifetimesApplyToTokensIssuedFromThenOn() {
            IssuedTokens before = login();

            authority.changeLifetimes(Duration.ofSeconds(2), null);
            IssuedTokens after = login();

            assertThat(after.expiresIn()).isEqualTo(Duration.ofSeconds(2));
            assertThat(authority.lifetimes().refresh()).isEqualTo(Duration.ofDays(14));
            clock.advance(Duration.ofSeconds(2));
            assertThat(authority.checkAccessToken(after.accessToken())).isEqualTo(BearerCheck.EXPIRED);
            assertThat(authority.checkAccessToken(before.accessToken())).isEqualTo(BearerCheck.VALID);
        }

        @Test
        void changedRefreshLifetimeShortensNewRefreshTokens() {
            authority.changeLifetimes(null, Duration.ofSeconds(30));
            IssuedTokens tokens = login();

            assertThat(tokens.expiresIn()).isEqualTo(Duration.ofSeconds(600));
            clock.advance(Duration.ofSeconds(30));
            assertThat(refusal(refreshRequest(tokens.refreshToken()))).isEqualTo(OAuthError.REFRESH_TOKEN_EXPIRED);
        }

        @Test
        void negativeLifetimesAreRejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> authority.changeLifetimes(Duration.ofSeconds(-1), null));
            assertThat(authority.lifetimes()).isEqualTo(
                    new TokenLifetimes(Duration.ofSeconds(600), Duration.ofSeconds(1_209_600)));
        }

        @Test
        void configuredLifetimesAreTheStartingPoint() {
            SandboxSettings settings = new SandboxSettings("demo-client", "demo-secret", USER, PASSWORD,
                    Duration.ofSeconds(60), Duration.ofSeconds(120));
            TokenAuthority configured = new TokenAuthority(clock, settings, stats);

            assertThat(configured.grant(passwordRequest(BASIC, USER, PASSWORD)).expiresIn())
                    .isEqualTo(Duration.ofSeconds(60));
            assertThat(configured.lifetimes().refresh()).isEqualTo(Duration.ofSeconds(120));
        }
    }

    @Nested
    class Reset {

        @Test
        void resetForgetsTokensAndRestoresLifetimes() {
            authority.changeLifetimes(Duration.ofSeconds(5), Duration.ofSeconds(10));
            IssuedTokens tokens = login();

            authority.reset();

            assertThat(authority.checkAccessToken(tokens.accessToken())).isEqualTo(BearerCheck.INVALID);
            assertThat(refusal(refreshRequest(tokens.refreshToken()))).isEqualTo(OAuthError.REFRESH_TOKEN_INVALID);
            assertThat(authority.lifetimes()).isEqualTo(
                    new TokenLifetimes(Duration.ofSeconds(600), Duration.ofSeconds(1_209_600)));
            assertThat(login().expiresIn()).isEqualTo(Duration.ofSeconds(600));
        }

        @Test
        void rotatedTokenIsNoLongerCountedAsReuseAfterReset() {
            IssuedTokens tokens = login();
            authority.grant(refreshRequest(tokens.refreshToken()));

            authority.reset();
            refusal(refreshRequest(tokens.refreshToken()));

            assertThat(stats.snapshot().refreshTokenReuses()).isZero();
        }
    }

    @Nested
    class Counting {

        @Test
        void grantTypesAreCountedWhateverTheOutcomeAndErrorsSeparately() {
            IssuedTokens tokens = login();
            refusal(passwordRequest(BASIC, USER, "wrong"));
            refusal(passwordRequest(null, USER, PASSWORD));
            authority.grant(refreshRequest(tokens.refreshToken()));
            refusal(refreshRequest("never-issued"));
            refusal(new TokenRequest(null, BASIC, null, null, null, null, null));
            refusal(new TokenRequest("client_credentials", BASIC, null, null, null, null, null));

            assertThat(stats.snapshot()).isEqualTo(new StatsSnapshot(3, 2, 5, 0, 0, 0));
        }
    }

    private IssuedTokens login() {
        return authority.grant(passwordRequest(BASIC, USER, PASSWORD));
    }

    private OAuthError refusal(TokenRequest request) {
        try {
            IssuedTokens tokens = authority.grant(request);
            return fail("expected a refusal, got " + tokens);
        } catch (OAuthException e) {
            return e.error();
        }
    }

    private static TokenRequest passwordRequest(String authorization, String username, String password) {
        return new TokenRequest("password", authorization, null, null, username, password, null);
    }

    private static TokenRequest refreshRequest(String refreshToken) {
        return new TokenRequest("refresh_token", BASIC, null, null, null, null, refreshToken);
    }

    private static String basic(String keyAndSecret) {
        return "Basic " + Base64.getEncoder().encodeToString(keyAndSecret.getBytes(StandardCharsets.UTF_8));
    }
}
