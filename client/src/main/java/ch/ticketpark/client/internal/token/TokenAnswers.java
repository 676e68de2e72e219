package ch.ticketpark.client.internal.token;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import ch.ticketpark.client.exception.InvalidClientException;
import ch.ticketpark.client.exception.InvalidGrantException;
import ch.ticketpark.client.exception.MalformedTokenResponseException;
import ch.ticketpark.client.exception.OAuthErrorException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.exception.TokenRequestException;
import ch.ticketpark.client.internal.Messages;
import ch.ticketpark.client.internal.config.TokenSyntax;

/**
 * Turns the body of a token endpoint answer (status 2xx or 4xx) into a {@link TokenResponse} or a typed exception.
 * Everything that would make a token unusable, or unsafe to put into a header, is refused here; the messages name
 * the problem, never a token. A refused 2xx answer that holds a well-formed {@code refresh_token} is a
 * {@link RefusedAnswer}: the server has rotated the chain, and that refresh token is the only way on.
 */
final class TokenAnswers {

    /** The longest lifetime believed: a longer {@code expires_in} is capped, so the token is refreshed daily. */
    static final Duration MAX_LIFETIME = Duration.ofDays(1);

    private static final Logger LOG = Logger.getLogger(TokenAnswers.class.getName());

    private TokenAnswers() {
    }

    static TokenResponse parse(String grantType, int status, String contentType, String body, Duration retryAfter) {
        JsonObject json = json(status, body);
        boolean success = status >= 200 && status < 300;
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
            MalformedTokenResponseException html = htmlPage(status, body);
            // JSON labelled as HTML: refused, but a new refresh token in it is the chain's only way on
            String refreshToken = success ? token(status, json, "refresh_token", false) : null;
            throw refreshToken == null ? html : new RefusedAnswer(html, refreshToken);
        }
        if (success) {
            return token(status, json);
        }
        throw error(grantType, status, json, retryAfter);
    }

    private static MalformedTokenResponseException htmlPage(int status, String body) {
        return malformed(status, "the body is an HTML page, not JSON (" + body.length() + " characters)");
    }

    private static JsonObject json(int status, String body) {
        if (body.isBlank()) {
            throw malformed(status, "the body is empty");
        }
        if (body.stripLeading().startsWith("<")) {
            throw htmlPage(status, body);
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonStructure json = reader.read();
            if (json instanceof JsonObject object) {
                return object;
            }
            throw malformed(status, "the body is not a JSON object");
        } catch (JsonException e) {
            // the parser's message may quote the body, which may hold a token: leave it out, and the exception too
            throw malformed(status, "the body is not complete, valid JSON (" + body.length() + " characters)");
        }
    }

    private static TokenResponse token(int status, JsonObject json) {
        // first the refresh token: if the server rotated the chain, its new link is kept even if the rest is refused
        String refreshToken = token(status, json, "refresh_token", false);
        try {
            String accessToken = token(status, json, "access_token", true);
            checkTokenType(status, json);
            return new TokenResponse(accessToken, refreshToken, expiresIn(status, json));
        } catch (MalformedTokenResponseException e) {
            throw refreshToken == null ? e : new RefusedAnswer(e, refreshToken);
        }
    }

    private static void checkTokenType(int status, JsonObject json) {
        JsonValue tokenType = json.get("token_type");
        if (tokenType != null && tokenType != JsonValue.NULL
                && !(tokenType instanceof JsonString type && type.getString().equalsIgnoreCase("bearer"))) {
            String shown = tokenType instanceof JsonString type && type.getString().matches("[A-Za-z0-9_.-]{1,20}")
                    ? "'" + type.getString() + "'"
                    : "an unexpected value";
            throw malformed(status, "token_type is " + shown + ", not bearer");
        }
    }

    /** The token in the field, checked; {@code null} if an optional one is absent. */
    private static String token(int status, JsonObject json, String name, boolean required) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL
                || (value instanceof JsonString text && text.getString().isEmpty())) {
            if (required) {
                throw malformed(status, name + " is missing");
            }
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw malformed(status, name + " is not a string");
        }
        Optional<String> problem = name.equals("access_token")
                ? TokenSyntax.whyNotAccessToken(text.getString())
                : TokenSyntax.whyNotRefreshToken(text.getString());
        if (problem.isPresent()) {
            throw malformed(status, name + " " + problem.get());
        }
        return text.getString();
    }

    private static Duration expiresIn(int status, JsonObject json) {
        JsonValue value = json.get("expires_in");
        BigDecimal seconds;
        if (value instanceof JsonNumber number) {
            seconds = number.bigDecimalValue();
        } else if (value instanceof JsonString text && text.getString().strip().matches("-?\\d{1,30}")) {
            seconds = new BigDecimal(text.getString().strip());
        } else {
            throw malformed(status, value == null || value == JsonValue.NULL
                    ? "expires_in is missing"
                    : "expires_in is not a number");
        }
        if (seconds.signum() <= 0) {
            throw malformed(status, "expires_in is " + seconds.toPlainString() + ", not a positive lifetime");
        }
        if (seconds.stripTrailingZeros().scale() > 0) {
            throw malformed(status, "expires_in is " + seconds.toPlainString() + ", not a whole number of seconds");
        }
        if (seconds.compareTo(BigDecimal.valueOf(MAX_LIFETIME.toSeconds())) > 0) {
            LOG.warning(Messages.lifetimeCapped(seconds.toPlainString(), MAX_LIFETIME));
            return MAX_LIFETIME;
        }
        return Duration.ofSeconds(seconds.longValueExact());
    }

    private static TokenRequestException error(String grantType, int status, JsonObject json, Duration retryAfter) {
        String error = json.get("error") instanceof JsonString text ? text.getString() : null;
        if (error == null || !(status == 400 || status == 401)) {
            return malformed(status, "the answer is neither a token nor an OAuth error");
        }
        String description = json.get("error_description") instanceof JsonString text ? text.getString() : null;
        return switch (error) {
            case "invalid_grant" -> new InvalidGrantException(
                    Messages.oauthError(grantType, status, error, description), status, description);
            case "invalid_client" -> new InvalidClientException(Messages.invalidClient(status, description), status,
                    description);
            case "temporarily_unavailable" -> new TokenEndpointUnavailableException(
                    Messages.temporarilyUnavailable(status, description), status, 1, retryAfter, null);
            default -> new OAuthErrorException(Messages.oauthError(grantType, status, error, description), status,
                    error, description);
        };
    }

    private static MalformedTokenResponseException malformed(int status, String problem) {
        return new MalformedTokenResponseException(Messages.malformed(status, problem), status);
    }
}
