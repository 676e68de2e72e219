package ch.ticketpark.sandbox.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.ticketpark.sandbox.MutableClock;
import ch.ticketpark.sandbox.SandboxSettings;
import ch.ticketpark.sandbox.SandboxStats;

class IssuedTokenJournalTest {

    private static final String BASIC = "Basic "
            + Base64.getEncoder().encodeToString("demo-client:demo-secret".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    @Test
    void everyIssuedTokenIsAppended() throws IOException {
        Path file = dir.resolve("issued.txt");
        TokenAuthority authority = new TokenAuthority(new MutableClock(java.time.Instant.parse("2026-05-01T08:00:00Z")),
                SandboxSettings.defaults(),
                new SandboxStats(), new IssuedTokenJournal(file));

        IssuedTokens first = authority.grant(new TokenRequest("password", BASIC, null, null, "demo@ticketpark.test",
                "demo-password", null));
        IssuedTokens second = authority.grant(
                new TokenRequest("refresh_token", BASIC, null, null, null, null, first.refreshToken()));

        assertThat(Files.readAllLines(file)).containsExactly(first.accessToken(), first.refreshToken(),
                second.accessToken(), second.refreshToken());
    }

    @Test
    void offWritesNothing() {
        TokenAuthority authority = new TokenAuthority(new MutableClock(java.time.Instant.parse("2026-05-01T08:00:00Z")),
                SandboxSettings.defaults(),
                new SandboxStats());

        authority.grant(new TokenRequest("password", BASIC, null, null, "demo@ticketpark.test", "demo-password", null));

        assertThat(dir).isEmptyDirectory();
    }
}
