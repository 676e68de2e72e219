package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SecretScanner} can fail: a token planted in an early, rolled trace file is found; a short trace shows. */
class SecretScannerTest {

    private static final String TOKEN = "planted-access-token-0001";

    @TempDir
    Path logs;

    @Test
    void findsATokenPlantedInARolledTraceFile() throws IOException {
        write("trace_26.12.01_16.00.00.0.log", "[2026-12-01T16:00:00.100+0000] 0000002a id=1 TokenManager 3 sent "
                + TOKEN + "\n");
        write("trace.log", "[2026-12-01T16:05:00.000+0000] 0000002a id=1 TokenManager 3 nothing secret\n");

        SecretScanner.Result result = SecretScanner
                .scan(List.of(new SecretScanner.Target("logs", logs, List.of("other", TOKEN), "test secrets")));

        assertThat(result.files()).isEqualTo(2);
        assertThat(result.lines()).isEqualTo(2);
        assertThat(result.hits()).singleElement()
                .asString()
                .contains("trace_26.12.01_16.00.00.0.log", "secret #2 of test secrets")
                .doesNotContain(TOKEN);
    }

    @Test
    void findsEverySecretWhereverItIs() {
        List<String> secrets = List.of("short-1", "a-longer-secret", "at-the-end", "absent-secret", "short-1x");

        assertThat(SecretScanner.find("short-1 then a-longer-secret\n... at-the-end", secrets).stream().toArray())
                .containsExactly(0, 1, 2);
        assertThat(SecretScanner.find("short-1x", secrets).stream().toArray()).containsExactly(0, 4);
        assertThat(SecretScanner.find("short", secrets).isEmpty()).isTrue();
        assertThat(SecretScanner.find("no secret here at all", secrets).isEmpty()).isTrue();
    }

    @Test
    void namesAMissingFolder() throws IOException {
        Path gone = logs.resolve("surefire-reports");

        SecretScanner.Result result = SecretScanner
                .scan(List.of(new SecretScanner.Target("reports", gone, List.of(TOKEN), "test secrets")));

        assertThat(result.missing()).containsExactly("reports: " + gone);
    }

    @Test
    void traceSpanCoversRolledFilesAndShowsATraceThatStartsTooLate() throws IOException {
        write("messages.log", "[2026-12-01T16:00:00.000+0000] 00000030 AppMessageHelper A CWWKZ0001I: started a\n"
                + "[2026-12-01T16:09:00.000+0000] 00000030 AppMessageHelper A CWWKZ0001I: started b\n"
                + "[2026-12-01T16:09:30.000+0000] 00000030 other message\n");
        write("trace_26.12.01_16.05.00.0.log", "[2026-12-01T16:04:00.000+0000] early\n  continuation line\n");
        write("trace.log", "[2026-12-01T16:10:00.000+0000] late\n");

        SecretScanner.Span starts = SecretScanner.appStarts(logs).orElseThrow();
        SecretScanner.Span trace = SecretScanner.traceSpan(logs).orElseThrow();

        assertThat(starts.count()).isEqualTo(2);
        assertThat(starts.first()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
        assertThat(starts.last()).isEqualTo(Instant.parse("2026-12-01T16:09:00Z"));
        assertThat(trace.first()).isEqualTo(Instant.parse("2026-12-01T16:04:00Z"));
        assertThat(trace.last()).isEqualTo(Instant.parse("2026-12-01T16:10:00Z"));
        // the trace of the first application's start was lost: SecretScan's coverage check would fail
        assertThat(trace.first()).isAfter(starts.first());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(logs.resolve(name), text);
    }
}
