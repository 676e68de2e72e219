package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Runs after the whole IT suite, once Arquillian has stopped Liberty (failsafe execution {@code secret-scan}): no file
 * may contain a secret of the tests that wrote it.
 * <ul>
 * <li>Liberty's logs (messages, trace, console, FFDC; rolled files too) and the failsafe reports (their XML holds each
 * test's standard output and error, which is what the tests print to the Maven console, e.g. every
 * {@code /health/ready} answer {@code HealthIT} got), and the logs of the extra servers ({@code target/extra-servers}):
 * the sandbox's password, client secret, their Basic value, the ITs' and the example's webhook secrets (the last segment
 * of the URL the sandbox sends its webhooks to) and every token the sandbox issued during the suite (it journals
 * them);</li>
 * <li>the client's surefire reports: the secrets of its unit tests ({@code Fixtures.SECRETS});</li>
 * <li>the sandbox's surefire reports: the sandbox's credentials, which its unit tests use.</li>
 * </ul>
 * Maven's own console output is not scanned: Maven writes it while this runs and keeps no file of it (only a run with
 * {@code -l file} or {@code | tee} does, outside the build). A missing folder fails the scan, and so does a trace that
 * does not cover the suite: its first line must not be later than the first application start in messages.log, nor its
 * last line earlier than the last one (Liberty's default rollover deleted the early ITs' trace; the IT server now has
 * none, see {@code liberty/pom.xml}). Proven able to fail by {@code SecretScannerTest} and by
 * {@code -Dit.plant-secret=<deployment>}, which plants the sandbox's client secret in that IT deployment's trace
 * ({@link SecretPlant}).
 */
class SecretScan {

    private static final Path CLIENT = Path.of("..", "client");
    private static final Pattern STRING_CONSTANT = Pattern
            .compile("static final String (\\w+) = \"([^\"]*)\";");
    private static final Pattern SECRETS_LIST = Pattern.compile("SECRETS = List\\.of\\(([^;]*)\\);");

    @Test
    void logsAndReportsHoldNoSecret() throws IOException {
        Path logs = Path.of(System.getProperty("liberty.server.dir"), "logs");
        List<String> sandbox = sandboxSecrets();
        List<String> journaled = journaledTokens();
        List<String> suite = new ArrayList<>(sandbox);
        suite.addAll(journaled);
        String suiteWhat = "the sandbox's 3 credentials and the 2 webhook secrets, then the " + journaled.size()
                + " journaled tokens in order";
        List<String> fixtures = fixturesSecrets();

        SecretScanner.Result result = SecretScanner.scan(List.of(
                new SecretScanner.Target("Liberty logs", logs, suite, suiteWhat),
                new SecretScanner.Target("failsafe reports", Path.of("target", "failsafe-reports"), suite, suiteWhat),
                // the logs of the servers ITs start beside the Arquillian server (it.servers.LibertyServer)
                new SecretScanner.Target("extra servers' logs", Path.of("target", "extra-servers"), suite, suiteWhat),
                new SecretScanner.Target("client surefire reports",
                        CLIENT.resolve(Path.of("target", "surefire-reports")),
                        fixtures, "client Fixtures: Basic value, then Fixtures.SECRETS in order"),
                new SecretScanner.Target("sandbox surefire reports",
                        Path.of("..", "sandbox", "target", "surefire-reports"), sandbox,
                        "the sandbox's 3 credentials and the 2 webhook secrets")));
        var trace = SecretScanner.traceSpan(logs);
        var starts = SecretScanner.appStarts(logs);

        System.out.printf("Secret scan: %d files, %d lines, %d hits, missing %s%n", result.files(), result.lines(),
                result.hits().size(), result.missing());
        result.summary().forEach(line -> System.out.println("  " + line));
        System.out.printf("  trace: %s; application starts (CWWKZ0001I): %s%n", trace.orElse(null),
                starts.orElse(null));

        assertThat(result.missing()).as("folders to scan that do not exist").isEmpty();
        assertThat(journaled.size()).as("issued tokens journaled by the sandbox").isGreaterThan(20);
        assertThat(fixtures.size()).as("secrets read from the client's Fixtures").isGreaterThanOrEqualTo(10);
        assertThat(starts).as("application starts in messages.log").isPresent();
        assertThat(starts.get().count()).as("application starts in messages.log").isGreaterThan(10);
        assertThat(trace).as("trace lines").isPresent();
        assertThat(trace.get().first()).as("first trace line (not after the first application start)")
                .isBeforeOrEqualTo(starts.get().first());
        assertThat(trace.get().last()).as("last trace line (not before the last application start)")
                .isAfterOrEqualTo(starts.get().last());
        assertThat(result.hits()).as("secrets found").isEmpty();
    }

    private static List<String> sandboxSecrets() {
        return List.of(Sandbox.PASSWORD, Sandbox.CLIENT_SECRET, basic(Sandbox.CLIENT_KEY, Sandbox.CLIENT_SECRET),
                Sandbox.WEBHOOK_SECRET, Sandbox.EXAMPLE_WEBHOOK_SECRET);
    }

    private static List<String> journaledTokens() throws IOException {
        Set<String> tokens = new LinkedHashSet<>();
        for (String token : Files.readAllLines(Path.of(System.getProperty("sandbox.issued-tokens-file")))) {
            if (!token.isBlank()) {
                tokens.add(token.strip());
            }
        }
        return new ArrayList<>(tokens);
    }

    /**
     * {@code Fixtures.SECRETS} and the Basic value, read from the source: the class is in the client's test classes,
     * which this module does not (and should not) depend on. Fails if the source moves or changes shape.
     */
    static List<String> fixturesSecrets() throws IOException {
        String source = Files.readString(
                CLIENT.resolve(
                        Path.of("src", "test", "java", "ch", "ticketpark", "client", "support", "Fixtures.java")));
        Map<String, String> constants = new HashMap<>();
        Matcher constant = STRING_CONSTANT.matcher(source);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        Matcher list = SECRETS_LIST.matcher(source);
        assertThat(list.find()).as("Fixtures.SECRETS = List.of(...) in the client's Fixtures.java").isTrue();
        List<String> secrets = new ArrayList<>();
        secrets.add(basic(constants.get("CLIENT_KEY"), constants.get("CLIENT_SECRET")));
        for (String item : list.group(1).split(",")) {
            String entry = item.strip();
            String value = entry.startsWith("\"") ? entry.substring(1, entry.length() - 1) : constants.get(entry);
            assertThat(value).as("Fixtures.SECRETS entry %s", entry).isNotBlank();
            secrets.add(value);
        }
        return secrets;
    }

    private static String basic(String key, String secret) {
        return Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
