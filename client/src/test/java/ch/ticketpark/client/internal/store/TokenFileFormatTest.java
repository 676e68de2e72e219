package ch.ticketpark.client.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import ch.ticketpark.client.spi.StoredTokens;

class TokenFileFormatTest {

    private static final String ACCOUNT = "key-1/jane@example.com";
    private static final Instant OBTAINED = Instant.parse("2024-05-01T10:15:30Z");
    private static final Instant EXPIRES = Instant.parse("2024-05-01T10:45:30.123456789Z");
    private static final String REFRESH = "SECRET-REFRESH-4711";
    private static final String ACCESS = "SECRET-ACCESS-0815";

    @Test
    void aFullStateIsWrittenAsDocumented() {
        String text = TokenFileFormat.write(ACCOUNT, new StoredTokens(REFRESH, ACCESS, OBTAINED, EXPIRES, 7));

        assertThat(text).isEqualTo("""
                # Ticketpark token store: one account's tokens. Secret: keep it owner-only. Written by the library.
                format=1
                account=key-1/jane@example.com
                version=7
                refresh-token=SECRET-REFRESH-4711
                access-token=SECRET-ACCESS-0815
                obtained-at=2024-05-01T10:15:30Z
                expires-at=2024-05-01T10:45:30.123456789Z
                end
                """);
    }

    @Test
    void aRefreshTokenOnlyStateHasNeitherAccessTokenNorInstants() throws Exception {
        StoredTokens tokens = StoredTokens.ofRefreshToken(REFRESH, 1);
        String text = TokenFileFormat.write(ACCOUNT, tokens);

        assertThat(text).doesNotContain("access-token", "obtained-at", "expires-at").endsWith("refresh-token="
                + REFRESH + "\nend\n");
        assertThat(TokenFileFormat.read(text, ACCOUNT)).isEqualTo(tokens);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=b=c", "with:colon", "back\\slash\\", "\\u0041 not an escape", "spaces  around ",
            " leading", "line\nfeed", "carriage\rreturn\r\n", "tab\there", "zürich ünïcödé €", "emoji 🎟️",
            "lone \ud800 surrogate", "nul \u0000 and del \u007f", "# not a comment", "end", "=",
            "e30.eyJzdWIiOiIxIn0.x-_"})
    void anyTokenComesBackExactly(String token) throws Exception {
        StoredTokens tokens = new StoredTokens(token, token + "!", OBTAINED, EXPIRES, 2);

        String text = TokenFileFormat.write(token, tokens);

        assertThat(text.chars()).allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f);
        assertThat(text.lines()).hasSize(9);
        assertThat(TokenFileFormat.read(text, token)).isEqualTo(tokens);
    }

    @Test
    void handWrittenUtf8CommentsBlankLinesAndWindowsLineEndsAreRead() throws Exception {
        String text = "\r\nformat=1\r\n# a note\r\naccount=key-1/jane@example.com\r\nversion=3\r\n"
                + "refresh-token=zürich\\u0021\r\n\r\nend\r\n\r\n# done\r\n";

        assertThat(TokenFileFormat.read(text, ACCOUNT)).isEqualTo(StoredTokens.ofRefreshToken("zürich!", 3));
    }

    @Test
    void theLastLineNeedsNoLineFeed() throws Exception {
        String text = TokenFileFormat.write(ACCOUNT, StoredTokens.ofRefreshToken(REFRESH, 1));

        assertThat(TokenFileFormat.read(text.substring(0, text.length() - 1), ACCOUNT))
                .isEqualTo(StoredTokens.ofRefreshToken(REFRESH, 1));
    }

    @Test
    void printableAsciiIsWrittenAsItIsTheSpaceTooAndAllElseEscaped() {
        String text = TokenFileFormat.write(ACCOUNT, StoredTokens.ofRefreshToken(" a~\u007f\u001f", 1));

        assertThat(text).contains("refresh-token= a~\\u007f\\u001f\n");
    }

    @Test
    void aVersionHasUpToEighteenDigits() throws Exception {
        StoredTokens tokens = StoredTokens.ofRefreshToken(REFRESH, 999_999_999_999_999_999L);

        assertThat(TokenFileFormat.read(TokenFileFormat.write(ACCOUNT, tokens), ACCOUNT)).isEqualTo(tokens);
    }

    @Test
    void aLastLineAfterTheEndIsNoticedWithoutALineFeed() {
        String text = TokenFileFormat.write(ACCOUNT, StoredTokens.ofRefreshToken(REFRESH, 1)) + "SECRET-AFTER-END";

        assertThatExceptionOfType(TokenFileFormat.MalformedException.class)
                .isThrownBy(() -> TokenFileFormat.read(text, ACCOUNT)).withMessage("line 7: more follows the end");
    }

    @Test
    void everyTruncationIsNoticed() {
        String text = TokenFileFormat.write(ACCOUNT, new StoredTokens(REFRESH, ACCESS, OBTAINED, EXPIRES, 7));
        int end = text.lastIndexOf("end");

        for (int length = 0; length < end + 3; length++) {
            String truncated = text.substring(0, length);
            assertThatExceptionOfType(TokenFileFormat.MalformedException.class)
                    .as("truncated to %d characters", length).isThrownBy(() -> TokenFileFormat.read(truncated,
                            ACCOUNT))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(REFRESH, ACCESS, "SECRET"));
        }
    }

    /** Line {@code number} of a valid file (1: the comment, 2: format, … 9: end) replaced, or removed if null. */
    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                arguments(2, "format=2", "unknown format (this library reads format 1)"),
                arguments(2, null, "line 2: format belongs there, not a known key out of order or twice"),
                arguments(3, "account=key-1/john@example.com", "it holds the tokens of another account"),
                arguments(4, "version=7x", "the version is not a number"),
                arguments(4, "version=", "the version is not a number"),
                arguments(4, "version=-7", "the version is not a number"),
                arguments(4, "version=1234567890123456789", "the version is not a number"),
                arguments(4, "version=0", "invalid state: version must be at least 1"),
                arguments(5, "refresh-token=", "invalid state: refreshToken is required"),
                arguments(5, null, "line 5: refresh-token belongs there, not a known key out of order or twice"),
                arguments(5, "refresh-token=SECRET-R\\", "line 5: a \\ at the end of the line"),
                arguments(5, "refresh-token=SECRET-\\x", "line 5: an unknown escape"),
                arguments(5, "refresh-token=SECRET-\\u12", "line 5: a \\u escape without four hex digits"),
                arguments(5, "refresh-token=SECRET-\\u12g4", "line 5: a \\u escape without four hex digits"),
                arguments(5, "refresh-token=SECRET-\\u\uff11\uff12\uff13\uff14",
                        "line 5: a \\u escape without four hex digits"),
                arguments(5, "refresh-token=SECRET-R\nrefresh-token=SECRET-TWICE",
                        "line 6: access-token belongs there, not a known key out of order or twice"),
                arguments(5, "SECRET-AS-KEY=SECRET", "line 5: refresh-token belongs there, not an unknown key"),
                arguments(5, "SECRET-WITHOUT-KEY", "line 5: not a key=value line"),
                arguments(5, "=SECRET", "line 5: refresh-token belongs there, not an unknown key"),
                arguments(7, null, "line 7: obtained-at belongs there, not a known key out of order or twice"),
                arguments(7, "end", "line 7: the end comes where obtained-at belongs (access-token, obtained-at "
                        + "and expires-at go together)"),
                arguments(5, "end", "line 5: the end comes where refresh-token belongs"),
                arguments(7, "obtained-at=yesterday SECRET", "obtained-at is not an ISO-8601 instant"),
                arguments(8, "expires-at=2024-05-01T10:00:00Z",
                        "invalid state: accessToken must not be blank and must expire after it was obtained"),
                arguments(8, "expires-at=2024-05-01T11:00:00Z\nSECRET-EXTRA=1",
                        "line 9: the end belongs there, not an unknown key"),
                arguments(9, "end\nSECRET-AFTER-END", "line 10: more follows the end"),
                arguments(9, null, "the end line is missing (truncated?)"));
    }

    @ParameterizedTest
    @MethodSource("malformedFiles")
    void aMalformedFileIsNamedByWhereAndWhatIsWrongNeverByWhatItHolds(int number, String replacement,
            String problem) {
        List<String> lines = new ArrayList<>(TokenFileFormat.write(ACCOUNT, new StoredTokens("SECRET-REFRESH",
                "SECRET-ACCESS", OBTAINED, EXPIRES, 7)).lines().toList());
        if (replacement == null) {
            lines.remove(number - 1);
        } else {
            lines.set(number - 1, replacement);
        }
        String malformed = String.join("\n", lines) + "\n";

        assertThatExceptionOfType(TokenFileFormat.MalformedException.class)
                .isThrownBy(() -> TokenFileFormat.read(malformed, ACCOUNT))
                .withMessage(problem)
                .withNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET", "john", "yesterday"));
    }
}
