package ch.ticketpark.sandbox.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A fault to arm in the sandbox ({@link SandboxControl#arm(Fault)}): made by {@link Faults}, each method returns a new
 * one, e.g. {@code Faults.token().status(503).retryAfter(2).times(3)}. Without {@link #times(int)} it affects the next
 * request of its target only. The sandbox checks the combination when it is armed.
 */
public final class Fault {

    private final Map<String, Object> fields;

    Fault(String target) {
        this(Map.of("target", target));
    }

    private Fault(Map<String, Object> fields) {
        this.fields = Map.copyOf(fields);
    }

    private Fault with(String name, Object value) {
        Map<String, Object> next = new LinkedHashMap<>(fields);
        next.put(name, Objects.requireNonNull(value, name));
        return new Fault(next);
    }

    private Fault type(String type) {
        return with("type", type);
    }

    /** Answer with this HTTP status (400-599), e.g. 503: the token endpoint's body is an OAuth error. */
    public Fault status(int status) {
        return type("status").with("status", status);
    }

    /** With {@link #status(int)}: a {@code Retry-After} of this many seconds. */
    public Fault retryAfter(int seconds) {
        return with("retryAfterSeconds", seconds);
    }

    /** Wait this long (at most 60 s), then answer normally. */
    public Fault delay(Duration delay) {
        return type("delay").with("delayMillis", delay.toMillis());
    }

    /** Announce a body and close the connection after a part of it. */
    public Fault drop() {
        return type("drop");
    }

    /** HTTP 200 with a body that is not valid JSON. */
    public Fault malformedJson() {
        return type("malformed_json");
    }

    /** An HTML error page with HTTP 200. */
    public Fault html() {
        return type("html");
    }

    /** An HTML error page with this status, e.g. a proxy's 502 page. */
    public Fault html(int status) {
        return type("html").with("status", status);
    }

    /** A redirect (302) to this absolute URL. */
    public Fault redirect(String location) {
        return type("redirect").with("location", location);
    }

    /** A redirect with this status (300-399, e.g. 307) to this absolute URL. */
    public Fault redirect(int status, String location) {
        return redirect(location).with("status", status);
    }

    /** Token endpoint only: a grant answered without {@code access_token} (a refresh still rotates). */
    public Fault missingAccessToken() {
        return type("missing_access_token");
    }

    /** Token endpoint only: a grant answered without {@code refresh_token} (the presented one stays valid). */
    public Fault missingRefreshToken() {
        return type("missing_refresh_token");
    }

    /** Token endpoint only: a grant answered without {@code expires_in}. */
    public Fault missingExpiresIn() {
        return type("missing_expires_in");
    }

    /** Token endpoint only: a grant answered with {@code expires_in: 0}. */
    public Fault zeroExpiresIn() {
        return type("zero_expires_in");
    }

    /** Token endpoint only: {@code invalid_client}, as after the client secret was rotated. */
    public Fault invalidClient() {
        return type("invalid_client");
    }

    /** How many requests it affects (default 1). */
    public Fault times(int count) {
        return with("count", count);
    }

    /** Each {@code n}-th request it selects, instead of the next ones in a row. */
    public Fault every(int n) {
        return with("every", n);
    }

    /** Token endpoint only: only requests with this {@code grant_type} ({@code password}, {@code refresh_token}). */
    public Fault grantType(String grantType) {
        return with("grantType", grantType);
    }

    /** As the control plane takes it. */
    public String toJson() {
        if (!fields.containsKey("type")) {
            throw new IllegalStateException("A fault needs its kind (status, delay, drop, …): " + this);
        }
        return JsonText.write(new TreeMap<>(fields));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fault fault && fault.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "Fault" + new TreeMap<>(fields);
    }
}
