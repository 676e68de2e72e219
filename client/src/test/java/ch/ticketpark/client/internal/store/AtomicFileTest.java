package ch.ticketpark.client.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path directory;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private long temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    @Test
    void writesANewFileAndReplacesItLeavingNoTemporaryFile() throws IOException {
        AtomicFile file = new AtomicFile(directory.resolve("tokens.properties"));

        file.write(bytes("first"));
        file.write(bytes("second, longer than the first"));
        file.write(bytes("3"));

        assertThat(file.path()).hasContent("3");
        assertThat(temporaryFiles()).isZero();
    }

    @Test
    void createsTheMissingDirectories() throws IOException {
        AtomicFile file = new AtomicFile(directory.resolve("a/b/tokens.properties"));

        file.write(bytes("content"));

        assertThat(file.path()).hasContent("content");
    }

    @Test
    void removesTheLeftoversOfItsOwnFileOnly() throws IOException {
        AtomicFile file = new AtomicFile(directory.resolve("tokens.properties"));
        Files.writeString(directory.resolve("tokens.properties.4711.tmp"), "half");
        Files.writeString(directory.resolve("tokens.properties.bak"), "not a temporary file");
        Files.writeString(directory.resolve("other.properties.4711.tmp"), "another file's");
        Files.writeString(directory.resolve("tokens.properties.lock"), "");

        file.write(bytes("content"));

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder(
                    "tokens.properties", "tokens.properties.lock", "other.properties.4711.tmp",
                    "tokens.properties.bak");
        }
    }

    @Test
    void aFailedMoveLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        // a target that cannot be replaced: a directory with something in it
        Path target = Files.createDirectories(directory.resolve("tokens.properties/inside"));
        AtomicFile file = new AtomicFile(target.getParent());

        assertThatExceptionOfType(IOException.class).isThrownBy(() -> file.write(bytes("content")));

        assertThat(target).isDirectory();
        assertThat(temporaryFiles()).isZero();
    }
}
