package ch.ticketpark.client.status;

/**
 * The OAuth 2.0 grant of a token request.
 */
public enum GrantType {

    /** {@code grant_type=password}: the username and password, the first time or after a rejected refresh token. */
    PASSWORD("password"),

    /** {@code grant_type=refresh_token}: the newest refresh token of the chain. */
    REFRESH_TOKEN("refresh_token");

    private final String wireName;

    GrantType(String wireName) {
        this.wireName = wireName;
    }

    /** The value of {@code grant_type} in the request: {@code password} or {@code refresh_token}. */
    public String wireName() {
        return wireName;
    }
}
