package ch.ticketpark.client.internal.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the value of a key is converted and checked. A problem is reported, not thrown, and names the key but never the
 * value of a secret.
 */
@FunctionalInterface
interface ValueType {

    /**
     * @param value what is configured (or the default), stripped, never empty
     * @return the value as the client uses it; {@code null} if it could not be converted
     */
    Object read(String key, String value, Problems problems);

    static ValueType text() {
        return (key, value, problems) -> value;
    }

    /** One of the given words, in any case; read in lower case. */
    static ValueType oneOf(String... words) {
        return (key, value, problems) -> {
            String word = value.toLowerCase(Locale.ROOT);
            if (Arrays.asList(words).contains(word)) {
                return word;
            }
            problems.add(key, key + " must be one of " + String.join(", ", words) + ", but is '" + value + "'");
            return null;
        };
    }

    /** {@code true} or {@code false}, in any case. */
    static ValueType bool() {
        return (key, value, problems) -> {
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            problems.add(key, key + " must be true or false, but is '" + value + "'");
            return null;
        };
    }

    /** Printable ASCII without spaces: it goes into a form field. */
    static ValueType refreshToken() {
        return (key, value, problems) -> {
            TokenSyntax.whyNotRefreshToken(value).ifPresent(problem -> problems.add(key, key + " " + problem));
            return value;
        };
    }

    /** A URL that may receive credentials ({@link Urls#whyNotAllowed}). */
    static ValueType url() {
        return (key, value, problems) -> {
            try {
                URI url = URI.create(value);
                Optional<String> reason = Urls.whyNotAllowed(url);
                reason.ifPresent(why -> problems.add(key, key + " " + why));
                return reason.isPresent() ? null : url;
            } catch (IllegalArgumentException e) {
                problems.add(key, key + " is not a valid URL");
                return null;
            }
        };
    }

    /** A positive ISO-8601 duration. */
    static ValueType duration() {
        return (key, value, problems) -> duration(key, value, false, problems);
    }

    /** An ISO-8601 duration from zero up to {@code max}; {@code why} explains the limit. */
    static ValueType durationUpTo(Duration max, String why) {
        return (key, value, problems) -> {
            Duration duration = duration(key, value, true, problems);
            if (duration != null && duration.compareTo(max) > 0) {
                problems.add(key, key + " (" + duration + ") must not be longer than " + max + ": " + why);
            }
            return duration;
        };
    }

    static ValueType integer(int min, int max) {
        return (key, value, problems) -> {
            try {
                int number = Integer.parseInt(value);
                if (number < min || number > max) {
                    problems.add(key, key + " must be between " + min + " and " + max + ", but is " + number);
                }
                return number;
            } catch (NumberFormatException e) {
                problems.add(key, key + " must be a whole number, but is '" + value + "'");
                return null;
            }
        };
    }

    /** A path below the context root for a servlet mapping: {@code /} and segments of letters, digits, {@code -_.}. */
    static ValueType servletPath() {
        return (key, value, problems) -> {
            if (!value.matches(TicketparkConfig.WEBHOOK_PATH_PATTERN) || value.matches(".*/\\.{1,2}(/.*)?")) {
                problems.add(key, key + " must be a path such as " + TicketparkConfig.DEFAULT_WEBHOOK_PATH
                        + ": segments of letters, digits, '-', '_' and '.', each after a '/', but is '" + value + "'");
                return null;
            }
            return value;
        };
    }

    /**
     * At least {@value TicketparkConfig#WEBHOOK_SECRET_MIN_LENGTH} characters that a URL path carries as they are
     * (RFC 3986 unreserved: letters, digits, {@code -._~}).
     */
    static ValueType webhookSecret() {
        return (key, value, problems) -> {
            if (value.length() < TicketparkConfig.WEBHOOK_SECRET_MIN_LENGTH) {
                problems.add(key, key + " must have at least " + TicketparkConfig.WEBHOOK_SECRET_MIN_LENGTH
                        + " characters, but has " + value.length() + ": it is all that stands between the receiver "
                        + "and a forged call");
                return null;
            }
            if (!value.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0))) {
                problems.add(key, key + " may contain only letters, digits, '-', '.', '_' and '~' (ASCII): it is a "
                        + "segment of the webhook URL");
                return null;
            }
            return value;
        };
    }

    private static Duration duration(String key, String value, boolean zeroAllowed, Problems problems) {
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative() || (duration.isZero() && !zeroAllowed)) {
                problems.add(key, key + " must be positive, but is " + value);
            }
            return duration;
        } catch (DateTimeParseException e) {
            problems.add(key, key + " must be an ISO-8601 duration such as PT30S, but is '" + value + "'");
            return null;
        }
    }
}
