package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Runs after the whole IT suite, once Arquillian has stopped Liberty (failsafe execution {@code secret-scan}): no
 * Liberty log (messages, trace, console, FFDC) and no test report may contain the test password, the client secret,
 * their Basic header, or any token the sandbox issued during the suite (the sandbox journals them).
 */
class SecretScan {

    @Test
    void logsAndReportsHoldNoSecret() throws IOException {
        Set<String> secrets = secrets();
        List<Path> files = scannedFiles();
        List<String> hits = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            int index = 0;
            for (String secret : secrets) {
                index++;
                if (text.contains(secret)) {
                    // name the secret by its place in the list only: the report must not leak it either
                    hits.add(file + " contains secret #" + index + " (1-3: password, client secret, Basic value;"
                            + " then the journaled tokens in order)");
                }
            }
        }
        System.out.printf("Secret scan: %d files, %d secrets (%d issued tokens), %d hits%n", files.size(),
                secrets.size(), secrets.size() - 3, hits.size());

        assertThat(files).as("the files to scan").isNotEmpty();
        assertThat(secrets.size()).as("issued tokens journaled by the sandbox").isGreaterThan(20);
        assertThat(hits).isEmpty();
    }

    private static Set<String> secrets() throws IOException {
        Set<String> secrets = new LinkedHashSet<>();
        secrets.add(Sandbox.PASSWORD);
        secrets.add(Sandbox.CLIENT_SECRET);
        secrets.add(Base64.getEncoder().encodeToString(
                (Sandbox.CLIENT_KEY + ":" + Sandbox.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
        Path journal = Path.of(System.getProperty("sandbox.issued-tokens-file"));
        for (String token : Files.readAllLines(journal)) {
            if (!token.isBlank()) {
                secrets.add(token.strip());
            }
        }
        return secrets;
    }

    private static List<Path> scannedFiles() throws IOException {
        List<Path> roots = List.of(Path.of(System.getProperty("liberty.server.dir"), "logs"),
                Path.of("target", "failsafe-reports"), Path.of("..", "client", "target", "surefire-reports"),
                Path.of("..", "sandbox", "target", "surefire-reports"));
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).forEach(files::add);
                }
            }
        }
        return files;
    }
}
