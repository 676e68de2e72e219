package ch.ticketpark.client.internal.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import ch.ticketpark.client.exception.TicketparkException;
import ch.ticketpark.client.exception.TokenEndpointCircuitOpenException;
import ch.ticketpark.client.exception.TokenRequestException;
import ch.ticketpark.client.internal.Messages;
import ch.ticketpark.client.status.CircuitOpened;
import ch.ticketpark.client.status.GrantType;
import ch.ticketpark.client.status.RefreshTokenChainEnded;
import ch.ticketpark.client.status.TokenRequestFailed;

/**
 * The public events made from the lifecycle's failures: the code and message of the library's own exceptions (which
 * hold no secret), only the class name of any other.
 */
public final class TokenEvents {

    private static final Pattern CODE = Pattern.compile("TPC\\d{4}: ");

    private TokenEvents() {
    }

    /**
     * The code a message of the catalogue starts with ({@code TPCnnnn}); {@code TPC0014}'s (an exception the library
     * does not expect) for any other text.
     */
    public static String codeOf(String message) {
        return message != null && CODE.matcher(message).lookingAt() ? message.substring(0, 7) : "TPC0014";
    }

    public static TokenRequestFailed failed(GrantType grantType, Instant failedAt, Duration took, Throwable cause) {
        String reason = reason(cause);
        int status = cause instanceof TokenRequestException e ? e.status() : 0;
        return new TokenRequestFailed(grantType, failedAt, codeOf(reason), reason, status, took);
    }

    public static RefreshTokenChainEnded chainEnded(Instant endedAt, TicketparkException dead) {
        return new RefreshTokenChainEnded(endedAt, codeOf(dead.getMessage()), dead.getMessage());
    }

    public static CircuitOpened circuitOpened(Instant openedAt, TokenEndpointCircuitOpenException open) {
        return new CircuitOpened(openedAt, open.openUntil(), open.consecutiveFailures(),
                codeOf(open.getMessage()), open.getMessage());
    }

    private static String reason(Throwable cause) {
        return cause instanceof TicketparkException && cause.getMessage() != null
                ? cause.getMessage()
                : Messages.tokenRequestFailed(cause);
    }
}
