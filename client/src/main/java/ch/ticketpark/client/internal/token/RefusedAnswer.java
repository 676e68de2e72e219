package ch.ticketpark.client.internal.token;

import ch.ticketpark.client.exception.MalformedTokenResponseException;

/**
 * A successful answer of the token endpoint that is refused (no usable access token, no usable {@code expires_in},
 * a wrong {@code token_type}) but holds a well-formed new refresh token. The server has rotated the chain by then:
 * the old refresh token is gone, so the new one must be kept although the answer is refused. Internal: it carries a
 * secret and never leaves the token manager; callers see {@link #refusal()}. No stack trace, and its message is the
 * refusal's, which names no token.
 */
final class RefusedAnswer extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient MalformedTokenResponseException refusal;
    private final transient String refreshToken;

    RefusedAnswer(MalformedTokenResponseException refusal, String refreshToken) {
        super(refusal.getMessage(), null, false, false);
        this.refusal = refusal;
        this.refreshToken = refreshToken;
    }

    /** Why the answer was refused, for the callers. */
    MalformedTokenResponseException refusal() {
        return refusal;
    }

    /** The new refresh token of the answer; a secret. */
    String refreshToken() {
        return refreshToken;
    }
}
