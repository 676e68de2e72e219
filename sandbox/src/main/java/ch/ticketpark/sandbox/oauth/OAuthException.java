package ch.ticketpark.sandbox.oauth;

/**
 * Thrown by {@link TokenAuthority} when a token request is refused; the token endpoint answers it with HTTP 400.
 */
public class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient OAuthError error;

    public OAuthException(OAuthError error) {
        // no stack trace: a refusal is an expected answer, and tests provoke thousands of them
        super(error.description() == null ? error.error() : error.error() + ": " + error.description(), null, false,
                false);
        this.error = error;
    }

    public OAuthError error() {
        return error;
    }
}
