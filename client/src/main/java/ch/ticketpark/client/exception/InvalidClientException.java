package ch.ticketpark.client.exception;

import ch.ticketpark.client.Ticketpark;

/**
 * The token endpoint answered {@code invalid_client}: the client key or the client secret is wrong, or the client
 * credentials were rotated at Ticketpark. Retrying does not help: the message names {@code ticketpark.client-key}
 * and {@code ticketpark.client-secret}, the keys to fix.
 */
public class InvalidClientException extends OAuthErrorException {

    private static final long serialVersionUID = 1L;

    public InvalidClientException(String message, int status, String errorDescription) {
        super(message, status, "invalid_client", errorDescription);
    }
}
