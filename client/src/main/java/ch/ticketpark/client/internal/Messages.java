package ch.ticketpark.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import ch.ticketpark.client.exception.TicketparkException;

/**
 * Every message of the machinery, one typed method per code ({@code TPC0001}…), the code staying the same when the
 * wording changes. The texts live in the one catalogue of the library, {@code ch/ticketpark/client/messages.properties}
 * (codes, ranges and template syntax are described there and in {@code docs/messages.md}); the public classes read
 * the same file. Each method decides what is formatted in: never a password, the client secret or a token, and of a
 * foreign exception only its class name.
 */
public final class Messages {

    /** The catalogue, as a {@link ResourceBundle} base name; always read for {@link Locale#ROOT}. */
    static final String CATALOGUE = "ch.ticketpark.client.messages";

    private static final ResourceBundle TEXTS = ResourceBundle.getBundle(CATALOGUE, Locale.ROOT);

    private Messages() {
    }

    /** {@code "TPCnnnn: "} and the code's template formatted with {@code arguments}. */
    static String format(String code, Object... arguments) {
        return code + ": " + String.format(Locale.ROOT, TEXTS.getString(code), arguments);
    }

    /** What an optional part becomes: {@code prefix + value + suffix}, or nothing when there is no value. */
    private static String optional(String prefix, String value, String suffix) {
        return value == null ? "" : prefix + value + suffix;
    }

    public static String invalidConfiguration(List<String> problems) {
        return format("TPC0001", String.join("; ", problems));
    }

    public static String oauthError(String grantType, int status, String error, String description) {
        return format("TPC0002", grantType, status, error, optional(": ", description, ""));
    }

    public static String refreshTokenRejected(String description) {
        return format("TPC0003", description);
    }

    public static String passwordRejected(String description) {
        return format("TPC0004", description);
    }

    public static String serverError(int status) {
        return format("TPC0005", status);
    }

    public static String unreachable(String url, Throwable cause) {
        return format("TPC0006", url, String.valueOf(cause));
    }

    public static String malformed(int status, String problem) {
        return format("TPC0007", status, problem);
    }

    public static String waitTimedOut(Duration timeout) {
        return format("TPC0008", timeout);
    }

    public static String backgroundRefreshFailed(Throwable cause) {
        // the client's own failures say what happened without a secret; a foreign one's message might quote anything
        return format("TPC0009",
                cause instanceof TicketparkException ? cause.getMessage() : cause.getClass().getName());
    }

    public static String fallingBackToPassword(String description) {
        return format("TPC0010", description);
    }

    public static String insecureApiUrl(String origin, String reason) {
        return format("TPC0011", origin, reason);
    }

    public static String noManagedThreadFactory() {
        return format("TPC0012");
    }

    public static String tokenObtained(String grantType, Duration lifetime) {
        return format("TPC0013", grantType, lifetime);
    }

    public static String tokenRequestFailed(Throwable cause) {
        // a foreign exception's message is not ours and might quote anything: only its type
        return format("TPC0014", cause.getClass().getName());
    }

    public static String skewCapped(Duration skew, Duration lifetime, Duration effective) {
        return format("TPC0015", skew, lifetime, effective);
    }

    public static String reissueDeferred(Instant issuedAt, Instant notBefore) {
        return format("TPC0016", issuedAt, notBefore);
    }

    public static String interrupted() {
        return format("TPC0017");
    }

    public static String attemptTimedOut(Duration bound) {
        return format("TPC0018", bound);
    }

    public static String noThread(Throwable cause) {
        return format("TPC0019", cause.getClass().getName());
    }

    public static String abandoned(Instant deadline) {
        return format("TPC0020", deadline);
    }

    public static String deadlinePassed(Instant deadline) {
        return format("TPC0021", deadline);
    }

    public static String lateAnswerDropped() {
        return format("TPC0022");
    }

    public static String refusedAnswerRefreshTokenKept() {
        return format("TPC0023");
    }

    public static String storeHadNewerRefreshToken() {
        return format("TPC0024");
    }

    public static String dataSourceNotFound(String jndiName, Throwable cause) {
        return format("TPC0030", jndiName, cause.getClass().getName());
    }

    public static String nothingToStartFrom(String store) {
        return format("TPC0031", store);
    }

    public static String storeUnreadableAtStart() {
        return format("TPC0032");
    }

    public static String storeClaimNotGranted(Duration waited) {
        return format("TPC0028", waited);
    }

    public static String storeHadNewerState() {
        return format("TPC0029");
    }

    public static String stillOnTheWay() {
        return format("TPC0025");
    }

    public static String storeKeptMovingOn(int times) {
        return format("TPC0033", times);
    }

    public static String storeUnreadableAfterRejection() {
        return format("TPC0026");
    }

    public static String tokenStoreTooSlow(Duration waited) {
        return format("TPC0027", waited);
    }

    public static String invalidClient(int status, String description) {
        return format("TPC0100", status, optional(" (", description, ")"));
    }

    public static String unavailableAfterAttempts(int attempts, Duration elapsed, String lastFailure) {
        return format("TPC0101", attempts, elapsed, lastFailure);
    }

    public static String circuitOpen(int failures, Instant openUntil, String lastFailure) {
        return format("TPC0102", failures, openUntil, lastFailure);
    }

    public static String circuitClosed(int failures) {
        return format("TPC0103", failures);
    }

    public static String retrying(int attempt, Duration delay, String failure) {
        return format("TPC0104", attempt, delay, failure);
    }

    public static String redirectRefused(int status, String location) {
        return format("TPC0105", status, location);
    }

    public static String temporarilyUnavailable(int status, String description) {
        return format("TPC0106", status, optional(": ", description, ""));
    }

    public static String tooManyRequests() {
        return format("TPC0107");
    }

    public static String lifetimeCapped(String seconds, Duration cap) {
        return format("TPC0108", seconds, cap);
    }

    public static String foreignHost(String url, String apiUrl) {
        return format("TPC0109", url, apiUrl);
    }

    public static String followRedirectsRefused(String key) {
        return format("TPC0110", key);
    }

    public static String tokenStoreLoadFailed(Throwable e) {
        // the exception's message is the application's and might quote the token: only its type is logged
        return format("TPC0111", e.getClass().getName());
    }

    public static String tokenStoreSaveFailed(Throwable e, int failures, Instant retryAt) {
        return format("TPC0112", e.getClass().getName(), failures, retryAt);
    }

    public static String tokenStoreClaimFailed(Throwable e) {
        return format("TPC0113", e.getClass().getName());
    }

    public static String apiError(String method, String path, int status, String detail) {
        String request = method == null ? "a request" : method + " " + path;
        return format("TPC0201", request, status, detail == null || detail.isEmpty() ? "" : ": " + detail);
    }

    public static String replaying(String method, String path) {
        return format("TPC0202", method, path);
    }

    public static String notReplayed(String method, String path) {
        return format("TPC0203", method, path);
    }

    public static String observerFailed(String who, Throwable e) {
        return format("TPC0301", who, e.getClass().getName());
    }

    public static String eventsDropped(int capacity) {
        return format("TPC0302", capacity);
    }

    public static String webhooksReceived(String path, String readBack) {
        return format("TPC0401", path, readBack);
    }

    public static String webhookRecordUnknown(String type, String record, String pid) {
        return format("TPC0402", type, record, pid);
    }

    public static String webhookTypeUnknown(String type) {
        return format("TPC0403", type);
    }

    public static String webhookQueueFull(int size, long refused) {
        return format("TPC0404", size, refused);
    }

    public static String webhookObserverFailed(String type, Throwable e) {
        return format("TPC0405", type, e.getClass().getName());
    }

    public static String webhookReadBackFailed(String type, String record, String pid, Throwable cause) {
        return format("TPC0406", type, record, pid,
                cause instanceof TicketparkException ? cause.getMessage() : cause.getClass().getName());
    }

    public static String webhookProcessingFailed(String type, Throwable e) {
        return format("TPC0411", type, e.getClass().getName());
    }

    public static String webhookGivenUp(String type, int attempts) {
        return format("TPC0412", type, attempts);
    }

    public static String webhookRefused(int status, String why) {
        return format("TPC0407", status, why);
    }

    public static String webhookPayloadInvalid(String type, String field) {
        return format("TPC0408", type, field);
    }

    public static String webhooksLostAtStop(int count) {
        return format("TPC0409", count);
    }

    public static String noManagedExecutor() {
        return format("TPC0410");
    }
}
