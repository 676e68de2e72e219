package ch.ticketpark.sandbox.oauth;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ch.ticketpark.sandbox.SandboxSettings;
import ch.ticketpark.sandbox.SandboxStats;

/**
 * The OAuth2 rules of the sandbox: grants tokens the way FOSOAuthServerBundle / oauth2-php does and checks the Bearer
 * tokens of API requests.
 * <p>
 * Token requests are checked in the order of oauth2-php's {@code OAuth2::grantAccessToken}, every refusal an HTTP 400:
 * <ol>
 * <li>{@code grant_type} missing, empty or not matching oauth2-php's pattern ({@code authorization_code}, {@code token},
 * {@code password}, {@code client_credentials}, {@code refresh_token}, {@code http(s)://...} or {@code urn:...}, case
 * matters): {@code invalid_request} "Invalid grant_type parameter or parameter missing", whatever the client
 * credentials;</li>
 * <li>client authentication: {@code invalid_client};</li>
 * <li>the grant: {@code password} and {@code refresh_token} with their own parameter checks; {@code authorization_code},
 * {@code client_credentials} and extension grants (a URN or a valid URL) {@code unsupported_grant_type} without a
 * description, as oauth2-php answers for a storage that does not implement them; anything else that passed the
 * pattern ({@code token}, a malformed URL) {@code invalid_request} as in step 1, now after client authentication.</li>
 * </ol>
 * The one client may use every grant type, so {@code unauthorized_client} never comes up. Each refresh rotates the
 * refresh token: the new pair replaces it and presenting it again is refused (and counted as a reuse). Access tokens
 * stay valid until they expire, are revoked or the sandbox is reset. Thread-safe.
 */
@ApplicationScoped
public class TokenAuthority {

    private final Clock clock;
    private final SandboxSettings settings;
    private final SandboxStats stats;
    private final TokenRegistry registry;
    private final IssuedTokenJournal journal;

    public TokenAuthority(Clock clock, SandboxSettings settings, SandboxStats stats) {
        this(clock, settings, stats, IssuedTokenJournal.off());
    }

    @Inject
    public TokenAuthority(Clock clock, SandboxSettings settings, SandboxStats stats, IssuedTokenJournal journal) {
        this.clock = clock;
        this.settings = settings;
        this.stats = stats;
        this.journal = journal;
        this.registry = new TokenRegistry(clock,
                new TokenLifetimes(settings.accessTokenLifetime(), settings.refreshTokenLifetime()));
    }

    /** For the CDI client proxy only, which forwards every call to the real instance. */
    protected TokenAuthority() {
        this(Clock.systemUTC(), SandboxSettings.defaults(), new SandboxStats());
    }

    /**
     * Answers a token request.
     *
     * @return the new token pair
     * @throws OAuthException when the request is refused (HTTP 400)
     */
    public IssuedTokens grant(TokenRequest request) {
        return grant(request, true);
    }

    /**
     * Answers a token request; with {@code rotate} false a successful refresh leaves the presented refresh token
     * valid (RFC 6749 section 6 allows a server not to issue a new one): the control plane uses this for an answer
     * without {@code refresh_token}.
     *
     * @return the new token pair
     * @throws OAuthException when the request is refused (HTTP 400)
     */
    public IssuedTokens grant(TokenRequest request, boolean rotate) {
        countGrantType(request.grantType());
        try {
            IssuedTokens tokens = checkAndGrant(request, rotate);
            journal.record(tokens);
            stats.grantOutcome(request.grantType(), true);
            return tokens;
        } catch (OAuthException e) {
            stats.tokenError();
            stats.grantOutcome(request.grantType(), false);
            throw e;
        }
    }

    /** Checks the Bearer token of an API request; {@code null} means the request carried none. */
    public BearerCheck checkAccessToken(String token) {
        if (token == null || token.isEmpty()) {
            return BearerCheck.MISSING;
        }
        AccessToken stored = registry.accessToken(token);
        if (stored == null) {
            return BearerCheck.INVALID;
        }
        return stored.isExpiredAt(clock.instant()) ? BearerCheck.EXPIRED : BearerCheck.VALID;
    }

    public TokenLifetimes lifetimes() {
        return registry.lifetimes();
    }

    /**
     * Changes the lifetimes of the tokens issued from now on; tokens already issued keep theirs.
     *
     * @param access the new access token lifetime, or {@code null} to keep it
     * @param refresh the new refresh token lifetime, or {@code null} to keep it
     * @return the lifetimes now in force
     */
    public TokenLifetimes changeLifetimes(Duration access, Duration refresh) {
        return registry.changeLifetimes(access, refresh);
    }

    /** Forgets every issued access token; refresh tokens stay valid. */
    public void revokeAccessTokens() {
        registry.revokeAccessTokens();
    }

    /** Forgets every issued token and restores the configured lifetimes. */
    public void reset() {
        registry.reset();
    }

    private void countGrantType(String grantType) {
        if (TokenRequest.PASSWORD_GRANT.equals(grantType)) {
            stats.passwordGrant();
        } else if (TokenRequest.REFRESH_TOKEN_GRANT.equals(grantType)) {
            stats.refreshGrant();
        }
    }

    private IssuedTokens checkAndGrant(TokenRequest request, boolean rotate) {
        String grantType = request.grantType();
        if (!GrantTypes.wellFormed(grantType)) {
            throw new OAuthException(OAuthError.GRANT_TYPE_MISSING);
        }
        ClientCredentials client = authenticateClient(request);
        return switch (grantType) {
            case TokenRequest.PASSWORD_GRANT -> passwordGrant(client, request);
            case TokenRequest.REFRESH_TOKEN_GRANT -> refreshGrant(client, request, rotate);
            case GrantTypes.AUTHORIZATION_CODE, GrantTypes.CLIENT_CREDENTIALS ->
                throw new OAuthException(OAuthError.GRANT_TYPE_UNSUPPORTED);
            default -> throw new OAuthException(GrantTypes.extension(grantType)
                    ? OAuthError.GRANT_TYPE_UNSUPPORTED
                    : OAuthError.GRANT_TYPE_MISSING);
        };
    }

    private ClientCredentials authenticateClient(TokenRequest request) {
        ClientCredentials client = ClientCredentials
                .resolve(request.authorization(), request.clientId(), request.clientSecret())
                .orElseThrow(() -> new OAuthException(OAuthError.CLIENT_ID_NOT_FOUND));
        if (!settings.clientKey().equals(client.key()) || !settings.clientSecret().equals(client.secret())) {
            throw new OAuthException(OAuthError.CLIENT_CREDENTIALS_INVALID);
        }
        return client;
    }

    private IssuedTokens passwordGrant(ClientCredentials client, TokenRequest request) {
        if (request.username() == null || request.password() == null) {
            throw new OAuthException(OAuthError.USER_CREDENTIALS_MISSING);
        }
        if (!settings.username().equals(request.username()) || !settings.password().equals(request.password())) {
            throw new OAuthException(OAuthError.USER_CREDENTIALS_INVALID);
        }
        return registry.issue(client.key());
    }

    private IssuedTokens refreshGrant(ClientCredentials client, TokenRequest request, boolean rotate) {
        if (request.refreshToken() == null) {
            throw new OAuthException(OAuthError.REFRESH_TOKEN_MISSING);
        }
        RefreshToken stored = registry.refreshToken(request.refreshToken());
        if (stored == null || !stored.clientKey().equals(client.key())) {
            throw new OAuthException(OAuthError.REFRESH_TOKEN_INVALID);
        }
        if (stored.rotated()) {
            throw reuse();
        }
        if (stored.isExpiredAt(clock.instant())) {
            throw new OAuthException(OAuthError.REFRESH_TOKEN_EXPIRED);
        }
        if (rotate && !registry.rotate(stored)) {
            // a concurrent request with the same token rotated it between our read and our rotation
            throw reuse();
        }
        return registry.issue(client.key());
    }

    private OAuthException reuse() {
        stats.refreshTokenReuse();
        return new OAuthException(OAuthError.REFRESH_TOKEN_INVALID);
    }
}
