package ch.ticketpark.login;

import java.io.StringReader;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import ch.ticketpark.client.internal.config.TokenSyntax;

/**
 * Reads the token endpoint's answer to the password grant: the refresh token, or one line that names why there is
 * none. The answer's body is never quoted (it may hold a token, and an error page anything); of an OAuth error only
 * its code, and only if it looks like one. The access token of the answer is not used: the application obtains its
 * own with the refresh token, as after any restart.
 */
final class GrantAnswer {

    private static final int BAD_REQUEST = 400;
    private static final int UNAUTHORIZED = 401;
    private static final int TOO_MANY_REQUESTS = 429;
    /** An OAuth error code (RFC 6749, section 5.2) is safe to name; anything else might be anything. */
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");

    private GrantAnswer() {
    }

    /**
     * @param location the {@code Location} header, if any
     * @return the refresh token of a successful answer, valid by the library's rule for refresh tokens
     * @throws Failure (failed) for any other answer
     */
    static String refreshToken(int status, Optional<String> location, String body) {
        if (status >= 300 && status < 400) {
            throw Failure.failed("The token endpoint answered HTTP " + status + " redirecting to "
                    + location.map(GrantAnswer::origin).orElse("nowhere (no Location header)")
                    + ", which is not followed: give the token endpoint itself as --token-url; nothing stored");
        }
        Optional<JsonObject> json = object(body);
        if (status < 200 || status >= 300) {
            throw refused(status, json.flatMap(object -> string(object, "error")));
        }
        if (json.isEmpty()) {
            throw Failure.failed("The token endpoint's answer (HTTP " + status + ") is not a JSON object: check that "
                    + "--token-url is the token endpoint, not a login page or a proxy; nothing stored");
        }
        JsonValue refreshToken = json.get().get("refresh_token");
        if (refreshToken == null || refreshToken.getValueType() == JsonValue.ValueType.NULL) {
            throw Failure.failed("The token endpoint's answer (HTTP " + status + ") has no refresh_token; nothing "
                    + "stored");
        }
        if (!(refreshToken instanceof JsonString text)) {
            throw Failure.failed("The token endpoint's answer (HTTP " + status + ") has a refresh_token that is not a "
                    + "string; nothing stored");
        }
        Optional<String> problem = TokenSyntax.whyNotRefreshToken(text.getString());
        if (problem.isPresent()) {
            throw Failure.failed("The token endpoint's refresh_token " + problem.get() + ", which the application "
                    + "would refuse; nothing stored");
        }
        return text.getString();
    }

    private static Failure refused(int status, Optional<String> error) {
        String code = error.filter(value -> ERROR_CODE.matcher(value).matches()).orElse(null);
        String answer = "HTTP " + status + (code == null ? "" : " " + code);
        if ("invalid_grant".equals(code)) {
            return Failure.failed("The token endpoint rejected the username or the password (" + answer
                    + "); nothing stored");
        }
        if ("invalid_client".equals(code) || (code == null && status == UNAUTHORIZED)) {
            return Failure.failed("The token endpoint rejected the client key or the client secret (" + answer
                    + "); nothing stored");
        }
        if (status == BAD_REQUEST || code != null) {
            return Failure.failed("The token endpoint refused the request (" + answer + "); nothing stored");
        }
        return Failure.failed("The token endpoint answered " + answer + " instead of a token"
                + (status >= 500 || status == TOO_MANY_REQUESTS ? ": try again later" : ": check --token-url")
                + "; nothing stored");
    }

    /** The body as a JSON object, if it is one. The parser's messages are dropped: they may quote the body. */
    private static Optional<JsonObject> object(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (JsonException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString text ? Optional.of(text.getString()) : Optional.empty();
    }

    /** Only scheme, host and port of a redirect's target: its path or query might hold anything. */
    private static String origin(String location) {
        try {
            URI target = URI.create(location.strip());
            if (target.getHost() == null) {
                return "a path on the same host";
            }
            return target.getScheme() + "://" + target.getHost()
                    + (target.getPort() < 0 ? "" : ":" + target.getPort());
        } catch (IllegalArgumentException e) {
            return "an invalid URL";
        }
    }
}
