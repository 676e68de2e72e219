package ch.ticketpark.client.internal.token;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ch.ticketpark.client.exception.MalformedTokenResponseException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.internal.Messages;

/**
 * One call of the Ticketpark token endpoint, {@code POST /oauth/v2/token}, as documented: a form body,
 * {@code Accept: application/json} and the client credentials as HTTP Basic. It uses a plain JAX-RS client of its
 * own, so the Bearer filter of the API clients never sees it, and that client follows no redirect: a 3xx answer is
 * an error, so the credentials never go anywhere but the configured URL. Of the client secret only the
 * precomputed Basic header is kept. Thread-safe; the token manager calls it from one thread at a time anyway.
 */
final class TokenEndpoint implements AutoCloseable {

    static final String PASSWORD_GRANT = "password";
    static final String REFRESH_GRANT = "refresh_token";

    /**
     * The switches of RESTEasy (Open Liberty's JAX-RS client, which follows no redirect by default) and of Jersey
     * (which does): set for whichever implementation the server provides.
     */
    private static final String RESTEASY_FOLLOW_REDIRECTS = "dev.resteasy.client.follow.redirects";
    private static final String JERSEY_FOLLOW_REDIRECTS = "jersey.config.client.followRedirects";
    private static final int TOO_MANY_REQUESTS = 429;

    private final URI url;
    private final String basicAuthorization;
    private final Client client;
    private final Clock clock;

    TokenEndpoint(URI url, String clientKey, String clientSecret, Duration connectTimeout, Duration readTimeout) {
        this(url, clientKey, clientSecret, connectTimeout, readTimeout, Clock.systemUTC());
    }

    TokenEndpoint(URI url, String clientKey, String clientSecret, Duration connectTimeout, Duration readTimeout,
            Clock clock) {
        this.url = url;
        this.basicAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((clientKey + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.client = ClientBuilder.newBuilder()
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .property(RESTEASY_FOLLOW_REDIRECTS, Boolean.FALSE)
                .property(JERSEY_FOLLOW_REDIRECTS, Boolean.FALSE)
                .build();
        this.clock = clock;
    }

    TokenResponse passwordGrant(String username, String password) {
        return post(PASSWORD_GRANT, new Form().param("grant_type", PASSWORD_GRANT)
                .param("username", username)
                .param("password", password));
    }

    TokenResponse refreshGrant(String refreshToken) {
        return post(REFRESH_GRANT, new Form().param("grant_type", REFRESH_GRANT).param("refresh_token", refreshToken));
    }

    private TokenResponse post(String grantType, Form form) {
        int status;
        String body;
        String contentType;
        String location;
        String retryAfter;
        try (Response response = client.target(url)
                .request(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.AUTHORIZATION, basicAuthorization)
                .post(Entity.form(form))) {
            status = response.getStatus();
            contentType = response.getHeaderString(HttpHeaders.CONTENT_TYPE);
            location = response.getHeaderString(HttpHeaders.LOCATION);
            retryAfter = response.getHeaderString(HttpHeaders.RETRY_AFTER);
            // read whatever came, whatever its Content-Type says: servers label token answers carelessly
            body = Objects.requireNonNullElse(response.readEntity(String.class), "");
        } catch (ProcessingException e) {
            // the cause says what failed (refused, timed out, unknown host); the request holds no secret in it
            throw new TokenEndpointUnavailableException(Messages.unreachable(url.toString(), e.getCause()), e);
        }
        if (status >= 500 || status == TOO_MANY_REQUESTS) {
            String message = status == TOO_MANY_REQUESTS ? Messages.tooManyRequests() : Messages.serverError(status);
            throw new TokenEndpointUnavailableException(message, status, 1, retryAfter(retryAfter), null);
        }
        if (status >= 300 && status < 400) {
            throw new MalformedTokenResponseException(Messages.redirectRefused(status, origin(location)), status);
        }
        return TokenAnswers.parse(grantType, status, contentType, body, retryAfter(retryAfter));
    }

    /** {@code Retry-After} as delay-seconds or HTTP-date (RFC 9110, section 10.2.3); {@code null} if absent or unusable. */
    Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        try {
            Duration until = Duration.between(clock.instant(),
                    ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Only scheme, host and port of a redirect target: its path or query might hold anything. */
    private static String origin(String location) {
        if (location == null) {
            return "nowhere (no Location header)";
        }
        try {
            URI target = URI.create(location.strip());
            if (target.getHost() == null) {
                return "a path on the same host";
            }
            return target.getScheme() + "://" + target.getHost() + (target.getPort() < 0 ? "" : ":" + target.getPort());
        } catch (IllegalArgumentException e) {
            return "an invalid URL";
        }
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "TokenEndpoint[" + url + "]";
    }
}
