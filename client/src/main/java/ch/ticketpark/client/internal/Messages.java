package ch.ticketpark.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ch.ticketpark.client.internal.config.TicketparkConfig;

/**
 * Every message of the client, each with a code ({@code TPC0001}…) that stays the same when the wording changes.
 * None of them ever contains a password, the client secret or a token.
 */
public final class Messages {

    private Messages() {
    }

    public static String invalidConfiguration(List<String> problems) {
        return "TPC0001: The Ticketpark client configuration is invalid: " + String.join("; ", problems);
    }

    public static String oauthError(String grantType, int status, String error, String description) {
        return "TPC0002: The Ticketpark token endpoint refused the " + grantType + " grant with HTTP " + status
                + ", error '" + error + "'" + (description == null ? "" : ": " + description);
    }

    public static String refreshTokenRejected(String description) {
        return "TPC0003: The Ticketpark refresh token is no longer valid (" + description + ") and no password is "
                + "configured to obtain a new one: set " + TicketparkConfig.REFRESH_TOKEN + " to a new refresh token, "
                + "or set " + TicketparkConfig.USERNAME + " and " + TicketparkConfig.PASSWORD;
    }

    public static String passwordRejected(String description) {
        return "TPC0004: The Ticketpark token endpoint rejected the username and password (" + description
                + "): check " + TicketparkConfig.USERNAME + " and " + TicketparkConfig.PASSWORD;
    }

    public static String serverError(int status) {
        return "TPC0005: The Ticketpark token endpoint failed with HTTP " + status;
    }

    public static String unreachable(String url, Throwable cause) {
        return "TPC0006: The Ticketpark token endpoint " + url + " could not be reached: " + cause;
    }

    public static String malformed(int status, String problem) {
        return "TPC0007: The Ticketpark token endpoint answered HTTP " + status + " with no usable token: " + problem;
    }

    public static String waitTimedOut(Duration timeout) {
        return "TPC0008: No Ticketpark access token could be obtained within " + timeout + " ("
                + TicketparkConfig.TOKEN_WAIT_TIMEOUT + ")";
    }

    public static String backgroundRefreshFailed(Throwable cause) {
        return "TPC0009: Refreshing the Ticketpark access token ahead of its expiry failed; the current token stays "
                + "in use until it expires: " + cause.getMessage();
    }

    public static String fallingBackToPassword(String description) {
        return "TPC0010: The Ticketpark refresh token was rejected (" + description
                + "); obtaining a new one with the configured username and password";
    }

    public static String insecureApiUrl(String origin, String reason) {
        return "TPC0011: Refusing to send the Ticketpark access token to " + origin + ": the URL " + reason;
    }

    public static String noManagedThreadFactory() {
        return "TPC0012: No managed thread factory (java:comp/DefaultManagedThreadFactory) was found when the "
                + "application started, so the Ticketpark token requests run on plain daemon threads without the "
                + "application's context; enable the concurrent-3.0 feature to run them on managed threads";
    }

    public static String tokenObtained(String grantType, Duration lifetime) {
        return "TPC0013: Obtained a Ticketpark access token with the " + grantType + " grant, valid for " + lifetime;
    }

    public static String tokenRequestFailed(Throwable cause) {
        // a foreign exception's message is not ours and might quote anything: only its type
        return "TPC0014: A Ticketpark token request failed unexpectedly (" + cause.getClass().getName() + ")";
    }

    public static String skewCapped(Duration skew, Duration lifetime, Duration effective) {
        return "TPC0015: " + TicketparkConfig.REFRESH_SKEW + " (" + skew + ") is more than half the lifetime of the "
                + "Ticketpark access tokens (" + lifetime + "): the client refreshes " + effective + " ahead of expiry "
                + "instead, so that each token is used for at least half its life";
    }

    public static String reissueDeferred(Instant issuedAt, Instant notBefore) {
        return "TPC0016: The Ticketpark API rejected (HTTP 401) the access token requested at " + issuedAt
                + ", which had itself replaced a rejected one, so no new token is requested before " + notBefore + " ("
                + TicketparkConfig.TOKEN_REISSUE_INTERVAL + "): check that the user still has access to the API, and "
                + "that " + TicketparkConfig.TOKEN_URL + " and " + TicketparkConfig.API_URL
                + " belong to the same environment";
    }

    public static String interrupted() {
        return "TPC0017: The thread was interrupted while it waited for a Ticketpark access token";
    }

    public static String attemptTimedOut(Duration bound) {
        return "TPC0018: The Ticketpark token endpoint did not answer within " + bound + " ("
                + TicketparkConfig.CONNECT_TIMEOUT + " + " + TicketparkConfig.READ_TIMEOUT + ", or what was left of "
                + TicketparkConfig.TOKEN_WAIT_TIMEOUT + ")";
    }

    public static String noThread(Throwable cause) {
        return "TPC0019: No thread could take a Ticketpark token request (" + cause.getClass().getName() + ")";
    }

    public static String abandoned(Instant deadline) {
        return "TPC0020: A Ticketpark token request that had not ended by its deadline " + deadline
                + ", or had not started, was given up and replaced";
    }

    public static String deadlinePassed(Instant deadline) {
        return "TPC0021: The deadline " + deadline + " of the Ticketpark token request passed before its next attempt ("
                + TicketparkConfig.TOKEN_WAIT_TIMEOUT + ")";
    }

    public static String lateAnswerDropped() {
        return "TPC0022: A Ticketpark token answer arrived after a newer refresh token was in use; it was dropped";
    }

    public static String refusedAnswerRefreshTokenKept() {
        return "TPC0023: The Ticketpark token endpoint answered with a new refresh token but no usable access token; "
                + "the new refresh token is kept (the old one is spent), the access token is not used";
    }

    public static String storeHadNewerRefreshToken() {
        return "TPC0024: The Ticketpark refresh token was rejected, and the token store holds another one (saved by "
                + "another server or process): using that one";
    }

    public static String stillOnTheWay() {
        return "TPC0025: The last Ticketpark token request with the current refresh token has not ended yet (its "
                + "caller stopped waiting); it is not sent again while it may still rotate the token";
    }

    public static String storeUnreadableAfterRejection() {
        return "TPC0026: The Ticketpark refresh token was rejected, and the token store, which may hold a newer one, "
                + "could not be read; the client reads it again at the next need";
    }

    public static String tokenStoreTooSlow(Duration waited) {
        return "TPC0027: The application's TokenStore did not answer load() within " + waited + " (what was left of "
                + TicketparkConfig.TOKEN_WAIT_TIMEOUT
                + "); the client goes on without it and reads it again at the next "
                + "need";
    }

    public static String invalidClient(int status, String description) {
        return "TPC0100: The Ticketpark token endpoint rejected the client credentials with HTTP " + status
                + ", error 'invalid_client'" + (description == null ? "" : " (" + description + ")") + ": check "
                + TicketparkConfig.CLIENT_KEY + " and " + TicketparkConfig.CLIENT_SECRET
                + " (wrong, or rotated at Ticketpark)";
    }

    public static String unavailableAfterAttempts(int attempts, Duration elapsed, String lastFailure) {
        return "TPC0101: The Ticketpark token endpoint failed " + attempts + " attempts in " + elapsed + " ("
                + TicketparkConfig.TOKEN_MAX_ATTEMPTS + ", " + TicketparkConfig.TOKEN_WAIT_TIMEOUT
                + "); the last one: " + lastFailure;
    }

    public static String circuitOpen(int failures, Instant openUntil, String lastFailure) {
        return "TPC0102: " + failures + " Ticketpark token requests failed in a row, so none is sent before "
                + openUntil + " (" + TicketparkConfig.CIRCUIT_BREAKER_FAILURES + ", "
                + TicketparkConfig.CIRCUIT_BREAKER_DELAY + "); the last failure: " + lastFailure;
    }

    public static String circuitClosed(int failures) {
        return "TPC0103: The Ticketpark token endpoint works again after " + failures + " failed token requests";
    }

    public static String retrying(int attempt, Duration delay, String failure) {
        return "TPC0104: Ticketpark token request attempt " + attempt + " failed; retrying in " + delay + ": "
                + failure;
    }

    public static String redirectRefused(int status, String location) {
        return "TPC0105: The Ticketpark token endpoint answered HTTP " + status + " with a redirect to " + location
                + ", which is not followed, so that the credentials go to the configured URL only: set "
                + TicketparkConfig.TOKEN_URL + " to the URL that answers";
    }

    public static String temporarilyUnavailable(int status, String description) {
        return "TPC0106: The Ticketpark token endpoint is temporarily unavailable (HTTP " + status
                + ", error 'temporarily_unavailable'" + (description == null ? "" : ": " + description) + ")";
    }

    public static String tooManyRequests() {
        return "TPC0107: The Ticketpark token endpoint answered HTTP 429 Too Many Requests";
    }

    public static String lifetimeCapped(String seconds, Duration cap) {
        return "TPC0108: The Ticketpark token endpoint gave the access token a lifetime of " + seconds
                + " s (expires_in); the client refreshes it after " + cap + " at the latest";
    }

    public static String foreignHost(String url, String apiUrl) {
        return "TPC0109: Refusing to send the Ticketpark access token to " + url + ": only the configured API origin "
                + apiUrl + " (" + TicketparkConfig.API_URL + ") receives it";
    }

    public static String followRedirectsRefused(String key) {
        return "TPC0110: " + key + "=true is refused for a Ticketpark client: a followed redirect would carry the "
                + "access token to whatever host the Location header names";
    }

    public static String tokenStoreLoadFailed(Throwable e) {
        // the exception's message is the application's and might quote the token: only its type is logged
        return "TPC0111: The application's TokenStore failed to load the refresh token (" + e.getClass().getName()
                + "); the client goes on without it and reads the store again when it next needs a token";
    }

    public static String tokenStoreSaveFailed(Throwable e, int failures, Instant retryAt) {
        return "TPC0112: The application's TokenStore failed to save the newest Ticketpark refresh token ("
                + e.getClass().getName() + ", " + failures + " time(s) in a row); the client goes on with it in "
                + "memory and saves it again after " + retryAt + ". Until a save succeeds, a restart loses the chain "
                + "of refresh tokens: the store holds a spent one";
    }

    public static String apiError(String method, String path, int status, String detail) {
        String request = method == null ? "a request" : method + " " + path;
        return "TPC0201: The Ticketpark API answered " + request + " with HTTP " + status
                + (detail == null || detail.isEmpty() ? "" : ": " + detail);
    }

    public static String replaying(String method, String path) {
        return "TPC0202: The Ticketpark API rejected the access token of " + method + " " + path
                + " (HTTP 401); replaying the call once with a new token";
    }

    public static String notReplayed(String method, String path) {
        return "TPC0203: The Ticketpark API rejected the access token of " + method + " " + path
                + " (HTTP 401); the call is not replayed because it is asynchronous or its body cannot be sent twice";
    }
}
