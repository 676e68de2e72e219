package ch.ticketpark.client.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.exception.InvalidClientException;
import ch.ticketpark.client.exception.InvalidGrantException;
import ch.ticketpark.client.exception.MalformedTokenResponseException;
import ch.ticketpark.client.exception.OAuthErrorException;
import ch.ticketpark.client.exception.TicketparkException;
import ch.ticketpark.client.exception.TokenEndpointCircuitOpenException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.exception.TokenReissueDeferredException;
import ch.ticketpark.client.exception.TokenRequestException;

class CallerFailuresTest {

    private static final Instant AT = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void anOpenBreakerKeepsItsDataAndTheLastFailureAsCause() {
        var last = new TokenEndpointUnavailableException("down", 503);
        var shared = new TokenEndpointCircuitOpenException("open", AT, 3, last);

        RuntimeException own = CallerFailures.forCaller(shared);

        assertThat(own).isExactlyInstanceOf(TokenEndpointCircuitOpenException.class).isNotSameAs(shared)
                .hasMessage("open");
        var open = (TokenEndpointCircuitOpenException) own;
        assertThat(open.openUntil()).isEqualTo(AT);
        assertThat(open.consecutiveFailures()).isEqualTo(3);
        assertThat(open.status()).isEqualTo(503);
        assertThat(open.getCause()).isSameAs(last);
    }

    @Test
    void unavailableKeepsStatusAttemptsAndRetryAfter() {
        var shared = new TokenEndpointUnavailableException("down", 429, 2, Duration.ofSeconds(7), null);

        var own = (TokenEndpointUnavailableException) CallerFailures.forCaller(shared);

        assertThat(own).isExactlyInstanceOf(TokenEndpointUnavailableException.class).hasMessage("down")
                .hasCause(shared);
        assertThat(own.status()).isEqualTo(429);
        assertThat(own.attempts()).isEqualTo(2);
        assertThat(own.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void unavailableWithoutRetryAfterStaysWithout() {
        var shared = new TokenEndpointUnavailableException("down", 500);

        var own = (TokenEndpointUnavailableException) CallerFailures.forCaller(shared);

        assertThat(own.retryAfter()).isEmpty();
    }

    @Test
    void aDeferredReissueKeepsItsInstant() {
        var shared = new TokenReissueDeferredException("later", AT);

        var own = (TokenReissueDeferredException) CallerFailures.forCaller(shared);

        assertThat(own).isExactlyInstanceOf(TokenReissueDeferredException.class).hasMessage("later").hasCause(shared);
        assertThat(own.notBefore()).isEqualTo(AT);
    }

    @Test
    void oauthErrorsKeepTheirTypeAndData() {
        var grant = new InvalidGrantException("grant", 400, "Invalid refresh token");
        var client = new InvalidClientException("client", 401, "Bad client");
        var other = new OAuthErrorException("other", 400, "invalid_scope", "Bad scope");

        var ownGrant = (InvalidGrantException) CallerFailures.forCaller(grant);
        var ownClient = (InvalidClientException) CallerFailures.forCaller(client);
        var ownOther = (OAuthErrorException) CallerFailures.forCaller(other);

        assertThat(ownGrant).isExactlyInstanceOf(InvalidGrantException.class).hasMessage("grant").hasCause(grant);
        assertThat(ownGrant.status()).isEqualTo(400);
        assertThat(ownGrant.errorDescription()).isEqualTo("Invalid refresh token");
        assertThat(ownClient).isExactlyInstanceOf(InvalidClientException.class).hasMessage("client")
                .hasCause(client);
        assertThat(ownClient.status()).isEqualTo(401);
        assertThat(ownClient.errorDescription()).isEqualTo("Bad client");
        assertThat(ownOther).isExactlyInstanceOf(OAuthErrorException.class).hasMessage("other").hasCause(other);
        assertThat(ownOther.error()).isEqualTo("invalid_scope");
        assertThat(ownOther.errorDescription()).isEqualTo("Bad scope");
    }

    @Test
    void malformedAndOtherTokenRequestFailuresKeepTheirTypeAndStatus() {
        var malformed = new MalformedTokenResponseException("malformed", 200);
        var request = new TokenRequestException("request", 418);

        var ownMalformed = (MalformedTokenResponseException) CallerFailures.forCaller(malformed);
        var ownRequest = (TokenRequestException) CallerFailures.forCaller(request);

        assertThat(ownMalformed).isExactlyInstanceOf(MalformedTokenResponseException.class).hasMessage("malformed")
                .hasCause(malformed);
        assertThat(ownMalformed.status()).isEqualTo(200);
        assertThat(ownRequest).isExactlyInstanceOf(TokenRequestException.class).hasMessage("request")
                .hasCause(request);
        assertThat(ownRequest.status()).isEqualTo(418);
    }

    @Test
    void aPlainTicketparkExceptionKeepsItsMessage() {
        var shared = new TicketparkException("plain");

        assertThat(CallerFailures.forCaller(shared)).isExactlyInstanceOf(TicketparkException.class)
                .hasMessage("plain").hasCause(shared);
    }

    @Test
    void aForeignFailureIsNamedByItsTypeOnly() {
        var shared = new IllegalStateException("secret-in-message");

        RuntimeException own = CallerFailures.forCaller(shared);

        assertThat(own).isExactlyInstanceOf(TicketparkException.class).hasCause(shared)
                .hasMessageContaining(IllegalStateException.class.getName())
                .hasMessageNotContaining("secret-in-message");
    }
}
