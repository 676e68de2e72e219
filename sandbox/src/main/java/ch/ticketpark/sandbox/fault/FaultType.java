package ch.ticketpark.sandbox.fault;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The faults the sandbox can inject, by the {@code type} a test names them with.
 */
public enum FaultType {

    /** Answer with {@code status} (e.g. 500, 503), and {@code Retry-After} when {@code retryAfterSeconds} is set. */
    STATUS("status", false),
    /** Wait {@code delayMillis}, then answer normally. */
    DELAY("delay", false),
    /**
     * No usable answer: the status line and headers announce a body ({@code Content-Length}) of which only a part is
     * sent before the connection is closed. The servlet API cannot close a socket without any answer; to a client
     * this is the same failure, an I/O error before a complete response.
     */
    DROP("drop", false),
    /** HTTP 200, {@code application/json}, a body that is not valid JSON. */
    MALFORMED_JSON("malformed_json", false),
    /** An HTML error page, with HTTP 200 unless {@code status} is set. */
    HTML("html", false),
    /**
     * A redirect: {@code status} (a 3xx, 302 unless set) with {@code Location: location} and no body. Whatever follows
     * it goes to {@code location}, outside the sandbox's control; a client must not send its token there.
     */
    REDIRECT("redirect", false),
    /**
     * A normal grant, answered without {@code access_token}. Like the other answer faults but
     * {@link #MISSING_REFRESH_TOKEN}, a refresh still rotates: the answer's {@code refresh_token} is then the only
     * valid one, and a client that refuses the answer and keeps its old one meets {@code invalid_grant}.
     */
    MISSING_ACCESS_TOKEN("missing_access_token", true),
    /** A grant that keeps the presented refresh token valid (no rotation), answered without {@code refresh_token}. */
    MISSING_REFRESH_TOKEN("missing_refresh_token", true),
    /** A normal grant, answered without {@code expires_in}. */
    MISSING_EXPIRES_IN("missing_expires_in", true),
    /** A normal grant, answered with {@code expires_in: 0}. */
    ZERO_EXPIRES_IN("zero_expires_in", true),
    /**
     * The sandbox's own answer to wrong client credentials (HTTP 400, {@code invalid_client}), as after the client
     * secret was rotated at Ticketpark: nothing is granted.
     */
    INVALID_CLIENT("invalid_client", true);

    private final String label;
    private final boolean tokenOnly;

    FaultType(String label, boolean tokenOnly) {
        this.label = label;
        this.tokenOnly = tokenOnly;
    }

    public String label() {
        return label;
    }

    /** Whether the fault changes a token answer, so that it applies to the token endpoint only. */
    public boolean tokenOnly() {
        return tokenOnly;
    }

    public static FaultType of(String label) {
        return Arrays.stream(values()).filter(type -> type.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("type must be one of "
                        + Arrays.stream(values()).map(FaultType::label).collect(Collectors.joining(", "))
                        + ", not " + label));
    }
}
