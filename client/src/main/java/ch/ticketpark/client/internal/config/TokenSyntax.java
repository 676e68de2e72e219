package ch.ticketpark.client.internal.config;

import java.util.Optional;

/**
 * What a token may contain before it is put into a header or a form: an access token must be an RFC 6750
 * {@code b64token} (it goes into {@code Authorization: Bearer}), a refresh token printable ASCII without spaces. The
 * problems name the kind of character, never the token.
 */
public final class TokenSyntax {

    private TokenSyntax() {
    }

    public static Optional<String> whyNotAccessToken(String token) {
        Optional<String> problem = whyNotPrintable(token);
        if (problem.isPresent()) {
            return problem;
        }
        // b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return Optional.of("consists of '=' only");
        }
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            if (!(Character.isLetterOrDigit(c) || "-._~+/".indexOf(c) >= 0)) {
                return Optional.of("contains a character that a Bearer token (RFC 6750 b64token) does not allow");
            }
        }
        return Optional.empty();
    }

    public static Optional<String> whyNotRefreshToken(String token) {
        return whyNotPrintable(token);
    }

    private static Optional<String> whyNotPrintable(String token) {
        if (token.isEmpty()) {
            return Optional.of("is empty");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("contains a control character");
            }
            if (c == ' ') {
                return Optional.of("contains a space");
            }
            if (c > 0x7e) {
                return Optional.of("contains a non-ASCII character");
            }
        }
        return Optional.empty();
    }
}
