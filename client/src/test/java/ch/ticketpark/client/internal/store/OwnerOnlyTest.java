package ch.ticketpark.client.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {

    @TempDir
    Path directory;

    @BeforeEach
    void onPosix() {
        assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "a file system with POSIX permissions");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewFileIsOwnerOnlyFromItsCreation() throws IOException {
        Path file = Files.createFile(directory.resolve("file"), OwnerOnly.file(directory));

        assertThat(permissions(file)).isEqualTo("rw-------");
    }

    @Test
    void newDirectoriesAreOwnerOnlyAndAnExistingOneKeepsItsPermissions() throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));

        OwnerOnly.createDirectories(directory.resolve("a/b"));
        OwnerOnly.createDirectories(directory);

        assertThat(permissions(directory.resolve("a"))).isEqualTo("rwx------");
        assertThat(permissions(directory.resolve("a/b"))).isEqualTo("rwx------");
        assertThat(permissions(directory)).isEqualTo("rwxr-xr-x");
    }
}
