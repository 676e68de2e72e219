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

    /** A call the API answered with 401 is sent again with a new token (the telemetry counts it). */
    void replayed();
}
