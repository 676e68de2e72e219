package ch.ticketpark.sandbox.oauth;

import java.util.Locale;

/**
 * The outcome of checking the Bearer token of an API request.
 */
public enum BearerCheck {

    /** Issued by the sandbox and not expired. */
    VALID,
    /** No Bearer token in the request. */
    MISSING,
    /** Never issued, or forgotten (revoke, reset). */
    INVALID,
    /** Issued, but its lifetime is over. */
    EXPIRED;

    /** The lower-case name, as reported by the control plane. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
