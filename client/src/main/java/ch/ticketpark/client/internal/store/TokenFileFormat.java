package ch.ticketpark.client.internal.store;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.ticketpark.client.spi.StoredTokens;

/**
 * The text of a token file, format 1: {@code key=value} lines in a fixed order, ending in {@code end}.
 *
 * <pre>
 * # Ticketpark token store: one account's tokens. Secret: keep it owner-only. Written by the library.
 * format=1
 * account=&lt;client key&gt;/&lt;username&gt;
 * version=7
 * refresh-token=…
 * access-token=…           (this and the two instants only with an access token)
 * obtained-at=2024-05-01T10:15:30Z
 * expires-at=2024-05-01T10:45:30Z
 * end
 * </pre>
 *
 * Written in ASCII: in a value, {@code \} is written {@code \\}, line feed, carriage return and tab {@code \n},
 * {@code \r}, {@code \t}, and every other character outside printable ASCII (controls, non-ASCII, a lone surrogate)
 * {@code \}{@code uXXXX}, so that any string, newlines included, comes back exactly as it was given, and a file is
 * the same on every platform. Read strictly, because a state read wrong costs a login: every key once, in this
 * order, nothing unknown, and the {@code end} line, which a truncated file lacks (blank lines and {@code #} comments
 * are allowed). A malformed file is described by line number and what is wrong, never by what it holds: keys
 * included, since a broken line may be a token.
 */
final class TokenFileFormat {

    static final String FORMAT = "1";
    private static final String END = "end";
    private static final String HEADER = "# Ticketpark token store: one account's tokens. Secret: keep it owner-only."
            + " Written by the library.\n";
    private static final List<String> KEYS = List.of("format", "account", "version", "refresh-token", "access-token",
            "obtained-at", "expires-at");
    /** The keys before the optional access token and its instants. */
    private static final int REQUIRED = 4;

    private TokenFileFormat() {
    }

    /** Why a file's text is not a token file; names the line and the problem, never a value. */
    static final class MalformedException extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedException(String problem) {
            super(problem, null, false, false);
        }
    }

    /** The text of the file that holds {@code tokens} for {@code account}. */
    static String write(String account, StoredTokens tokens) {
        StringBuilder text = new StringBuilder(HEADER);
        line(text, "format", FORMAT);
        line(text, "account", account);
        line(text, "version", Long.toString(tokens.version()));
        line(text, "refresh-token", tokens.refreshToken());
        if (tokens.hasAccessToken()) {
            line(text, "access-token", tokens.accessToken());
            line(text, "obtained-at", tokens.obtainedAt().toString());
            line(text, "expires-at", tokens.expiresAt().toString());
        }
        return text.append(END).append('\n').toString();
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @throws MalformedException if it is not one, or holds another account's tokens
     */
    static StoredTokens read(String text, String account) throws MalformedException {
        Map<String, String> values = values(text);
        if (!FORMAT.equals(values.get("format"))) {
            throw new MalformedException("unknown format (this library reads format " + FORMAT + ")");
        }
        if (!account.equals(values.get("account"))) {
            throw new MalformedException("it holds the tokens of another account");
        }
        long version = version(values.get("version"));
        try {
            return new StoredTokens(values.get("refresh-token"), values.get("access-token"),
                    instant(values, "obtained-at"), instant(values, "expires-at"), version);
        } catch (IllegalArgumentException e) {
            // StoredTokens names the field, never a value
            throw new MalformedException("invalid state: " + e.getMessage());
        }
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append('=');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        text.append(c);
                    } else {
                        text.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        text.append('\n');
    }

    /** The values by key, checked for order and completeness; the version and instants still as text. */
    private static Map<String, String> values(String text) throws MalformedException {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        int next = 0;
        for (int number = 1; number <= lines.length; number++) {
            String line = withoutCarriageReturn(lines[number - 1]);
            if (ignored(line)) {
                continue;
            }
            if (line.equals(END)) {
                if (next < REQUIRED || next > REQUIRED && next < KEYS.size()) {
                    throw new MalformedException("line " + number + ": the end comes where " + KEYS.get(next)
                            + " belongs" + (next < REQUIRED
                                    ? ""
                                    : " (access-token, obtained-at and expires-at go together)"));
                }
                for (int after = number + 1; after <= lines.length; after++) {
                    if (!ignored(withoutCarriageReturn(lines[after - 1]))) {
                        throw new MalformedException("line " + after + ": more follows the end");
                    }
                }
                return values;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new MalformedException("line " + number + ": not a key=value line");
            }
            String key = line.substring(0, equals);
            String expected = next == KEYS.size() ? "the end" : KEYS.get(next);
            if (!key.equals(expected)) {
                throw new MalformedException("line " + number + ": " + expected + " belongs there, not "
                        + (KEYS.contains(key) ? "a known key out of order or twice" : "an unknown key"));
            }
            values.put(key, unescape(line.substring(equals + 1), number));
            next++;
        }
        throw new MalformedException("the end line is missing (truncated?)");
    }

    private static String withoutCarriageReturn(String line) {
        // a file edited on Windows
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static boolean ignored(String line) {
        return line.isBlank() || line.startsWith("#");
    }

    private static String unescape(String value, int number) throws MalformedException {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (++i == value.length()) {
                throw new MalformedException("line " + number + ": a \\ at the end of the line");
            }
            switch (value.charAt(i)) {
                case '\\' -> text.append('\\');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    text.append(hex(value, i + 1, number));
                    i += 4;
                }
                default -> throw new MalformedException("line " + number + ": an unknown escape");
            }
        }
        return text.toString();
    }

    private static char hex(String value, int from, int number) throws MalformedException {
        if (from + 4 > value.length()) {
            throw new MalformedException("line " + number + ": a \\u escape without four hex digits");
        }
        int c = 0;
        for (int i = from; i < from + 4; i++) {
            char digit = value.charAt(i);
            int digitValue = digit < 0x80 ? Character.digit(digit, 16) : -1;
            if (digitValue < 0) {
                throw new MalformedException("line " + number + ": a \\u escape without four hex digits");
            }
            c = c * 16 + digitValue;
        }
        return (char) c;
    }

    private static long version(String text) throws MalformedException {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedException("the version is not a number");
        }
        return Long.parseLong(text);
    }

    private static Instant instant(Map<String, String> values, String key) throws MalformedException {
        String text = values.get(key);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            // its message quotes the text
            throw new MalformedException(key + " is not an ISO-8601 instant");
        }
    }
}
