package ch.ticketpark.sandbox.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's control plane ({@code /_sandbox/...}): reset it, read its counters and recorded requests, arm faults,
 * set token lifetimes, move its clock, read its e-mails, have it send webhooks and read what it delivered. Thread-safe;
 * every method but {@link #awaitWebhooks(int, Duration)} is one HTTP request, answered within 30 s.
 *
 * <pre>
 * SandboxControl sandbox = SandboxControl.at("http://localhost:9080/sandbox");
 * sandbox.reset();
 * sandbox.arm(Faults.token().status(503).retryAfter(2).times(3));
 * ... // the application's call
 * assertThat(sandbox.stats().tokenFaults()).isEqualTo(3);
 * </pre>
 *
 * A sandbox that cannot be reached, or a URL where none is deployed, fails with a {@link SandboxException} that names
 * the URL.
 */
public final class SandboxControl {

    /** The system property with the sandbox's URL, e.g. {@code http://localhost:9080/sandbox}. */
    public static final String URL_PROPERTY = "ticketpark.sandbox.url";
    /** The environment variable with the sandbox's URL, if the system property is not set. */
    public static final String URL_VARIABLE = "TICKETPARK_SANDBOX_URL";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);

    private final URI base;
    private final HttpClient http;

    private SandboxControl(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * @param url where the sandbox is deployed, e.g. {@code http://localhost:9080/sandbox}
     * @throws IllegalArgumentException if it is no absolute {@code http(s)} URL
     */
    public static SandboxControl at(String url) {
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The sandbox's URL must not contain user information");
        }
        if (!uri.isAbsolute() || !List.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("The sandbox's URL must be an absolute http(s) URL, not " + url);
        }
        return new SandboxControl(uri);
    }

    /**
     * The sandbox at the URL of the system property {@value #URL_PROPERTY}, else of the MicroProfile Config property of
     * that name (where MicroProfile Config is present, as inside a deployment: a server.xml variable serves), else of
     * the environment variable {@value #URL_VARIABLE}.
     *
     * @throws SandboxException if none is set
     */
    public static SandboxControl fromEnvironment() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            url = MicroProfileConfig.value(URL_PROPERTY);
        }
        if (url == null || url.isBlank()) {
            url = System.getenv(URL_VARIABLE);
        }
        if (url == null || url.isBlank()) {
            throw new SandboxException("Where is the sandbox? Set the system property " + URL_PROPERTY
                    + " (or that MicroProfile Config property, or the environment variable " + URL_VARIABLE
                    + ") to its URL, e.g. http://localhost:9080/sandbox");
        }
        return at(url);
    }

    /** Where the sandbox is, without a trailing slash. */
    public URI url() {
        return base;
    }

    /**
     * Back to the seed data: forgets tokens, counters, recorded requests, faults, e-mails and the time shift, and
     * restores the configured lifetimes; drops the pending webhooks, forgets the delivered ones and the webhook faults,
     * and restores the configured callback URL.
     */
    public void reset() {
        send("POST", "/_sandbox/reset");
    }

    public SandboxStats stats() {
        Map<String, Long> counters = new LinkedHashMap<>();
        object(send("GET", "/_sandbox/stats"), "stats").forEach((name, value) -> {
            if (value instanceof Long count) {
                counters.put(name, count);
            }
        });
        return new SandboxStats(counters);
    }

    /**
     * The last requests of a target, oldest first.
     *
     * @param target {@code token} or {@code api}
     * @param limit at most this many, 1 to 1000 (the sandbox keeps the last 1000 requests, of both targets together)
     * @throws IllegalArgumentException for another target or limit: the sandbox would answer no requests
     */
    public List<RecordedRequest> requests(String target, int limit) {
        if (!List.of("token", "api").contains(target)) {
            throw new IllegalArgumentException("The target is token or api, not " + target);
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("The limit is 1 to 1000, not " + limit);
        }
        List<RecordedRequest> requests = new ArrayList<>();
        for (Object request : array(send("GET", "/_sandbox/requests?target=" + target + "&limit=" + limit),
                "requests")) {
            requests.add(request(asObject(request, "a recorded request")));
        }
        return requests;
    }

    /**
     * Lifetimes of the tokens the sandbox issues from now on, in whole seconds.
     *
     * @param access the access tokens', or {@code null} to keep it
     * @param refresh the refresh tokens', or {@code null} to keep it
     * @throws IllegalArgumentException if both are {@code null}
     */
    public void lifetimes(Duration access, Duration refresh) {
        if (access == null && refresh == null) {
            throw new IllegalArgumentException("Set the access tokens' lifetime, the refresh tokens' or both");
        }
        List<String> query = new ArrayList<>();
        if (access != null) {
            query.add("access=" + seconds(access, "access"));
        }
        if (refresh != null) {
            query.add("refresh=" + seconds(refresh, "refresh"));
        }
        send("POST", "/_sandbox/lifetimes?" + String.join("&", query));
    }

    /** Forgets every access token it issued (refresh tokens stay valid): the next API call with one gets a 401. */
    public void revoke() {
        send("POST", "/_sandbox/revoke");
    }

    /** Moves the sandbox's time forward (its tokens expire, bookings run out), in whole seconds. */
    public void advanceClock(Duration by) {
        send("POST", "/_sandbox/clock?advance=" + seconds(by, "the clock's advance"));
    }

    /** Arms a fault; faults armed earlier strike first. */
    public void arm(Fault fault) {
        send(HttpRequest.newBuilder(uri("/_sandbox/faults")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(fault.toJson())), "POST /_sandbox/faults");
    }

    /** Disarms every fault. */
    public void disarm() {
        send("DELETE", "/_sandbox/faults");
    }

    /**
     * How many faults struck, by target ({@code token}, {@code api}), since the last reset.
     */
    public Map<String, Long> faultsInjected() {
        Map<String, Long> injected = new LinkedHashMap<>();
        Object counts = object(send("GET", "/_sandbox/faults"), "faults").get("injected");
        asObject(counts, "the injected faults").forEach((target, count) -> {
            if (!(count instanceof Long whole)) {
                throw new SandboxException("The sandbox answered the injected faults of " + target + " with "
                        + count + ", not a whole number");
            }
            injected.put(target, whole);
        });
        return injected;
    }

    /** The e-mails {@code POST /email/send} sent since the last reset, oldest first. */
    public List<Email> emails() {
        List<Email> emails = new ArrayList<>();
        for (Object email : array(send("GET", "/_sandbox/emails"), "e-mails")) {
            Map<String, Object> fields = asObject(email, "an e-mail");
            emails.add(new Email(text(fields, "booking"), text(fields, "type"), text(fields, "recipient"),
                    text(fields, "sent")));
        }
        return emails;
    }

    /**
     * Sends the webhooks from now on to this URL, e.g. {@code http://localhost:9080/my-app/ticketpark/webhook/<secret>}
     * (until {@link #stopWebhooks()} or a reset, which restores the sandbox's configured one).
     */
    public void webhookCallback(URI url) {
        send(json(uri("/_sandbox/webhooks/callback"), "{\"url\":" + JsonText.quote(url.toString()) + "}", "PUT"),
                "PUT /_sandbox/webhooks/callback");
    }

    /** Sends no webhook any more (those queued still go). */
    public void stopWebhooks() {
        send("DELETE", "/_sandbox/webhooks/callback");
    }

    /**
     * Has the sandbox send one webhook exactly as given, any type and payload: a {@code new-payment}, which nothing in
     * the sandbox triggers, an unknown type, a forged call.
     *
     * @param payloadJson a JSON object, e.g. {@code {"booking_pid":293233446073}}
     * @throws IllegalArgumentException if it is no JSON object
     * @throws SandboxException if no callback URL is set (HTTP 409)
     */
    public void sendWebhook(String type, String payloadJson) {
        Object payload;
        try {
            payload = JsonText.parse(payloadJson);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The payload must be a JSON object: " + e.getMessage(), e);
        }
        if (!(payload instanceof Map)) {
            throw new IllegalArgumentException("The payload must be a JSON object");
        }
        send(json(uri("/_sandbox/webhooks/send"), "{\"type\":" + JsonText.quote(type) + ",\"payload\":"
                + JsonText.write(payload) + "}", "POST"), "POST /_sandbox/webhooks/send");
    }

    /** The webhooks delivered (answered, or failed with an error) since the last reset, oldest first, the last 2000. */
    public List<WebhookDelivery> webhookDeliveries() {
        List<WebhookDelivery> deliveries = new ArrayList<>();
        for (Object delivery : array(send("GET", "/_sandbox/webhooks/deliveries"), "the webhook deliveries")) {
            deliveries.add(delivery(asObject(delivery, "a webhook delivery")));
        }
        return deliveries;
    }

    /**
     * Waits until at least {@code count} webhooks were delivered and none is pending (queued, delayed or held back),
     * polling the sandbox.
     *
     * @return every delivery since the last reset, oldest first
     * @throws SandboxException if that does not happen within the timeout, naming what it saw
     */
    public List<WebhookDelivery> awaitWebhooks(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<WebhookDelivery> deliveries = webhookDeliveries();
            Object pending = object(send("GET", "/_sandbox/webhooks"), "the webhooks").get("pending");
            if (deliveries.size() >= count && Long.valueOf(0).equals(pending)) {
                return deliveries;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new SandboxException("The sandbox at " + base + " delivered " + deliveries.size()
                        + " webhooks, " + pending + " pending, not " + count + " with none pending within " + timeout
                        + ": " + deliveries);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SandboxException("Interrupted while waiting for the webhooks of the sandbox at " + base, e);
            }
        }
    }

    /** Arms a webhook fault; those armed earlier apply first. */
    public void arm(WebhookFault fault) {
        send(json(uri("/_sandbox/webhooks/faults"), fault.toJson(), "POST"), "POST /_sandbox/webhooks/faults");
    }

    /** Disarms every webhook fault. */
    public void disarmWebhookFaults() {
        send("DELETE", "/_sandbox/webhooks/faults");
    }

    @Override
    public String toString() {
        return "SandboxControl[" + base + "]";
    }

    private static WebhookDelivery delivery(Map<String, Object> fields) {
        return new WebhookDelivery(whole(fields, "id"), text(fields, "type"), JsonText.write(fields.getOrDefault(
                "payload", Collections.emptyMap())), text(fields, "url"), fields.get("status") instanceof Long status
                        ? Math.toIntExact(status)
                        : null,
                text(fields, "error"), whole(fields, "millis"), text(fields, "fault"));
    }

    private static long whole(Map<String, Object> fields, String name) {
        if (fields.get(name) instanceof Long value) {
            return value;
        }
        throw new SandboxException("The sandbox answered a webhook delivery without a whole number " + name);
    }

    private static HttpRequest.Builder json(URI uri, String body, String method) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json").method(method,
                HttpRequest.BodyPublishers.ofString(body));
    }

    private static RecordedRequest request(Map<String, Object> fields) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        asObject(fields.getOrDefault("headers", Map.of()), "headers").forEach((name, values) -> {
            List<String> list = new ArrayList<>();
            if (values instanceof List<?> all) {
                all.forEach(value -> list.add(String.valueOf(value)));
            }
            headers.put(name, list);
        });
        Map<String, String> form = new LinkedHashMap<>();
        asObject(fields.getOrDefault("form", Map.of()), "form").forEach((name, value) -> form.put(name,
                String.valueOf(value)));
        return new RecordedRequest(text(fields, "target"), text(fields, "method"), text(fields, "path"),
                fields.get("query") instanceof String query ? query : "", headers, form,
                fields.get("bearer") instanceof String bearer ? bearer : null);
    }

    private static long seconds(Duration duration, String what) {
        if (duration.isNegative() || duration.isZero() || duration.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException(what + " must be a positive whole number of seconds, not " + duration);
        }
        return duration.toSeconds();
    }

    private String send(String method, String path) {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()),
                method + " " + path);
    }

    private String send(HttpRequest.Builder request, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SandboxException("The sandbox at " + base + " cannot be reached (" + e.getClass().getName()
                    + "): is it deployed there, and the server running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("Interrupted while waiting for the sandbox at " + base, e);
        }
        if (response.statusCode() >= 300) {
            throw new SandboxException("The sandbox at " + base + " answered " + what + " with HTTP "
                    + response.statusCode() + (response.statusCode() == 404
                            ? " (is the sandbox WAR deployed at that URL? " + URL_PROPERTY + " names it)"
                            : "")
                    + (response.body().isBlank() ? "" : ": " + shorten(response.body())));
        }
        return response.body();
    }

    private static String shorten(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Map<String, Object> object(String body, String what) {
        return asObject(parse(body, what), what);
    }

    private List<Object> array(String body, String what) {
        Object value = parse(body, what);
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw new SandboxException("The sandbox at " + base + " answered " + what + " with something else than a "
                + "JSON array");
    }

    private Object parse(String body, String what) {
        try {
            return JsonText.parse(body);
        } catch (IllegalArgumentException e) {
            throw new SandboxException("The sandbox at " + base + " answered " + what + " with no JSON ("
                    + e.getMessage() + ")", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new SandboxException("The sandbox answered " + what + " as something else than a JSON object");
    }

    private static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : String.valueOf(value);
    }
}
