package ch.ticketpark.client.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Owner-only permissions, given at creation ({@code rwx------} for a directory, {@code rw-------} for a file), so that
 * a token file is never readable by others, not even for a moment between its creation and a change of its
 * permissions. Where the file system has no POSIX permissions, none are given: there the directory's own access
 * rules apply.
 */
final class OwnerOnly {

    private static final FileAttribute<?>[] NONE = {};

    private OwnerOnly() {
    }

    /** The attributes of a new directory in {@code parent}'s file system. */
    static FileAttribute<?>[] directory(Path parent) {
        return posix(parent)
                ? new FileAttribute<?>[]{
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : NONE;
    }

    /** The attributes of a new file in {@code directory}. */
    static FileAttribute<?>[] file(Path directory) {
        return posix(directory)
                ? new FileAttribute<?>[]{
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : NONE;
    }

    /**
     * Creates the directory, and its missing parents, owner-only; one that exists keeps the permissions it has (its
     * owner chose them).
     */
    static void createDirectories(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, directory(directory));
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
