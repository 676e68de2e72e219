package ch.ticketpark.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Secrets from stdin without a terminal: one line each, as a script or a test pipes them. */
class PromptTest {

    private final ByteArrayOutputStream prompts = new ByteArrayOutputStream();

    @Test
    void eachSecretIsTheNextLineWithoutItsLineEndAndUtf8() {
        Prompt prompt = prompt("first secret\r\nzweites Geheimnis \u00fc\u20ac\nlast");

        assertThat(prompt.secret("client secret", false)).containsExactly("first secret".toCharArray());
        assertThat(prompt.secret("password of jane", false)).containsExactly("zweites Geheimnis \u00fc\u20ac"
                .toCharArray());
        assertThat(prompt.secret("database password", false)).containsExactly("last".toCharArray());
        assertThat(prompts.toString(StandardCharsets.UTF_8)).isEqualTo("Client secret: " + System.lineSeparator()
                + "Password of jane: " + System.lineSeparator() + "Database password: " + System.lineSeparator());
    }

    @Test
    void aLongSecretIsReadWhole() {
        String secret = "s".repeat(1000);

        assertThat(prompt(secret + "\n").secret("client secret", false)).hasSize(1000)
                .containsExactly(secret.toCharArray());
    }

    @Test
    void theEndOfTheInputIsNoSecret() {
        Prompt prompt = prompt("only\n");
        prompt.secret("client secret", false);

        assertThatThrownBy(() -> prompt.secret("password of jane", true)).isInstanceOf(Failure.class)
                .hasMessage("No password of jane given: the input ended")
                .extracting(failure -> ((Failure) failure).exitCode()).isEqualTo(Failure.USAGE);
    }

    @Test
    void anEmptyLineCountsOnlyWhereNoSecretIsAnAnswer() {
        assertThat(prompt("\n").secret("database password", true)).isEmpty();
        assertThatThrownBy(() -> prompt("\r\n").secret("client secret", false)).isInstanceOf(Failure.class)
                .hasMessage("No client secret given: the answer was empty");
    }

    private Prompt prompt(String input) {
        return Prompt.lines(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(prompts, true, StandardCharsets.UTF_8));
    }
}
