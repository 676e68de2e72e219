package ch.ticketpark.client.internal.token;

/**
 * What the API said of an access token, reported by the response filter of the Ticketpark REST clients. Implemented by
 * the token manager and exposed as a bean type of it, so that the filter reaches it through the CDI proxy. Internal.
 */
public interface TokenFeedback {

    /**
     * The API accepted a request that carried this token (any status but 401): a reissued token that worked once is
     * no sign of a storm of 401s any more.
     */
    void accepted(String accessToken);

    /**
     * The API answered 401: it rejected the token of a call, which is replayed once where it can be sent twice (the
     * telemetry counts it).
     */
    void rejected();
}
