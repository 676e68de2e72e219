package ch.ticketpark.client.internal.token;

import static ch.ticketpark.client.support.Fixtures.PASSWORD;
import static ch.ticketpark.client.support.Fixtures.TOKEN_PATH;
import static ch.ticketpark.client.support.Fixtures.USERNAME;
import static ch.ticketpark.client.support.Fixtures.oauthError;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ch.ticketpark.client.exception.InvalidClientException;
import ch.ticketpark.client.exception.InvalidGrantException;
import ch.ticketpark.client.exception.MalformedTokenResponseException;
import ch.ticketpark.client.exception.OAuthErrorException;
import ch.ticketpark.client.exception.TicketparkException;
import ch.ticketpark.client.exception.TokenEndpointCircuitOpenException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.exception.TokenRequestException;
import ch.ticketpark.client.internal.Messages;

/** Item 3 of the fault matrix: one hierarchy of typed errors, each message with its own code. */
class TypedErrorsTest extends TokenEndpointTestSupport {

    @ParameterizedTest
    @ValueSource(ints = {400, 401})
    void invalidClientNamesTheKeysToFix(int status) {
        server.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(oauthError(status, "invalid_client", "The client credentials are invalid")));

        InvalidClientException e = catchThrowableOfType(InvalidClientException.class,
                () -> endpoint.refreshGrant("refresh-1"));

        assertThat(e).isInstanceOf(OAuthErrorException.class);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.error()).isEqualTo("invalid_client");
        assertThat(e.errorDescription()).isEqualTo("The client credentials are invalid");
        assertThat(e.getMessage()).startsWith("TPC0100")
                .contains("ticketpark.client-key", "ticketpark.client-secret", "rotated");
        TokenEndpointTest.assertNoSecretIn(e);
    }

    @Test
    void tooManyRequestsIsUnavailableWithTheServersRetryAfter() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "12")));

        TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                () -> endpoint.passwordGrant(USERNAME, PASSWORD));

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.getMessage()).startsWith("TPC0107");
    }

    @Test
    void temporarilyUnavailableIsUnavailableNotAnOAuthError() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(oauthError(400, "temporarily_unavailable", "Down for maintenance")));

        TokenEndpointUnavailableException e = catchThrowableOfType(TokenEndpointUnavailableException.class,
                () -> endpoint.passwordGrant(USERNAME, PASSWORD));

        assertThat(e.getMessage()).startsWith("TPC0106").contains("Down for maintenance");
    }

    @Test
    void unusableRetryAfterIsIgnored() {
        assertThat(endpoint.retryAfter("soon")).isNull();
        assertThat(endpoint.retryAfter(" 3 ")).isEqualTo(Duration.ofSeconds(3));
        assertThat(endpoint.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
    }

    @Test
    void everyExceptionIsATicketparkException() {
        List<Class<?>> types = List.of(TokenRequestException.class, OAuthErrorException.class,
                InvalidGrantException.class, InvalidClientException.class, TokenEndpointUnavailableException.class,
                TokenEndpointCircuitOpenException.class, MalformedTokenResponseException.class);
        assertThat(types).allMatch(TicketparkException.class::isAssignableFrom);
        var open = new TokenEndpointCircuitOpenException("m", Instant.EPOCH, 3,
                new InvalidClientException("c", 400, null));
        assertThat(open).isInstanceOf(TokenEndpointUnavailableException.class);
        assertThat(open.getCause()).isInstanceOf(InvalidClientException.class);
        assertThat(open.status()).isEqualTo(400);
    }

    @Test
    void everyMessageHasItsOwnCode() throws Exception {
        List<String> codes = new ArrayList<>();
        Pattern code = Pattern.compile("^(TPC\\d{4}): ");
        for (Method method : Messages.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers()) || !Modifier.isStatic(method.getModifiers())
                    || method.isSynthetic()) {
                // the typed methods only, not the catalogue reader behind them
                continue;
            }
            Object[] arguments = new Object[method.getParameterCount()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = example(method.getParameterTypes()[i]);
            }
            method.setAccessible(true);
            String message = (String) method.invoke(null, arguments);
            Matcher matcher = code.matcher(message);
            assertThat(matcher.find()).as(method.getName() + ": " + message).isTrue();
            codes.add(matcher.group(1));
        }
        assertThat(codes).doesNotHaveDuplicates().contains("TPC0100", "TPC0110");
    }

    private static Object example(Class<?> type) {
        if (type == int.class) {
            return 503;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == List.class) {
            return List.of("problem");
        }
        if (type == Throwable.class || type == RuntimeException.class) {
            return new IllegalStateException("cause");
        }
        return "text";
    }
}
