package ch.ticketpark.client.internal;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ch.ticketpark.client.InvalidGrantException;
import ch.ticketpark.client.MalformedTokenResponseException;
import ch.ticketpark.client.OAuthErrorException;
import ch.ticketpark.client.TokenEndpointUnavailableException;

/**
 * One call of the Ticketpark token endpoint, {@code POST /oauth/v2/token}, as documented: a form body,
 * {@code Accept: application/json} and the client credentials as HTTP Basic. It uses a plain JAX-RS client of its
 * own, so the Bearer filter of the API clients never sees it. Thread-safe; the token manager calls it from one
 * thread at a time anyway.
 */
final class TokenEndpoint implements AutoCloseable {

    static final String PASSWORD_GRANT = "password";
    static final String REFRESH_GRANT = "refresh_token";

    private final URI url;
    private final String basicAuthorization;
    private final Client client;

    TokenEndpoint(URI url, String clientKey, String clientSecret, Duration connectTimeout, Duration readTimeout) {
        this.url = url;
        this.basicAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((clientKey + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.client = ClientBuilder.newBuilder()
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
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
        try (Response response = client.target(url)
                .request(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.AUTHORIZATION, basicAuthorization)
                .post(Entity.form(form))) {
            status = response.getStatus();
            // read whatever came, whatever its Content-Type says: servers label token answers carelessly
            body = Objects.requireNonNullElse(response.readEntity(String.class), "");
        } catch (ProcessingException e) {
            // the cause says what failed (refused, timed out, unknown host); the request holds no secret in it
            throw new TokenEndpointUnavailableException(Messages.unreachable(url.toString(), e.getCause()), e);
        }
        if (status >= 500) {
            throw new TokenEndpointUnavailableException(Messages.serverError(status), status);
        }
        JsonObject json = parse(status, body);
        if (status >= 200 && status < 300) {
            return token(status, json);
        }
        throw error(grantType, status, json);
    }

    private static JsonObject parse(int status, String body) {
        if (body.isBlank()) {
            throw new MalformedTokenResponseException(Messages.malformed(status, "the body is empty"), status);
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonStructure json = reader.read();
            if (json instanceof JsonObject object) {
                return object;
            }
            throw new MalformedTokenResponseException(Messages.malformed(status, "the body is not a JSON object"),
                    status);
        } catch (JsonException e) {
            // the parser's message may quote the body, which may hold a token: leave it out
            throw new MalformedTokenResponseException(
                    Messages.malformed(status, "the body is not JSON (" + body.length() + " characters)"), status);
        }
    }

    private static TokenResponse token(int status, JsonObject json) {
        String accessToken = string(json, "access_token");
        if (accessToken == null || accessToken.isEmpty()) {
            throw new MalformedTokenResponseException(Messages.malformed(status, "access_token is missing"), status);
        }
        String refreshToken = string(json, "refresh_token");
        return new TokenResponse(accessToken, refreshToken == null || refreshToken.isEmpty() ? null : refreshToken,
                expiresIn(status, json));
    }

    private static Duration expiresIn(int status, JsonObject json) {
        JsonValue value = json.get("expires_in");
        long seconds;
        if (value instanceof JsonNumber number && number.isIntegral()) {
            seconds = number.longValue();
        } else if (value instanceof JsonString text && text.getString().matches("\\d{1,10}")) {
            seconds = Long.parseLong(text.getString());
        } else {
            String problem = value == null ? "expires_in is missing" : "expires_in is not a whole number";
            throw new MalformedTokenResponseException(Messages.malformed(status, problem), status);
        }
        if (seconds <= 0) {
            throw new MalformedTokenResponseException(
                    Messages.malformed(status, "expires_in is " + seconds + ", not a positive lifetime"), status);
        }
        return Duration.ofSeconds(seconds);
    }

    private static OAuthErrorException error(String grantType, int status, JsonObject json) {
        String error = string(json, "error");
        if (error == null || !(status == 400 || status == 401)) {
            throw new MalformedTokenResponseException(
                    Messages.malformed(status, "the answer is neither a token nor an OAuth error"), status);
        }
        String description = string(json, "error_description");
        String message = Messages.oauthError(grantType, status, error, description);
        return "invalid_grant".equals(error)
                ? new InvalidGrantException(message, status, description)
                : new OAuthErrorException(message, status, error, description);
    }

    private static String string(JsonObject json, String name) {
        return json.get(name) instanceof JsonString text ? text.getString() : null;
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
