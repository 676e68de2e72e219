package ch.ticketpark.client.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file's content so that the file is always either the old or the new one, also after a crash or a power
 * loss: the new content goes to a temporary file beside it (owner-only from its creation), is forced to the disk,
 * moved over the file atomically, and the directory is forced too, so that the move itself survives.
 * <p>
 * A writer that dies between creating its temporary file and the move leaves it behind. The caller's next
 * {@link #write} removes such leftovers, so at most one is ever left over: callers write one at a time (they hold the
 * file's lock), so a temporary file that exists when a write begins belongs to no live writer.
 */
final class AtomicFile {

    private static final String TEMP_SUFFIX = ".tmp";

    private final Path file;
    private final String tempPrefix;

    AtomicFile(Path file) {
        this.file = file;
        this.tempPrefix = file.getFileName() + ".";
    }

    Path path() {
        return file;
    }

    /**
     * Replaces the file's content; call it with the file's lock held.
     *
     * @throws IOException if it failed: then the file is as it was
     */
    void write(byte[] content) throws IOException {
        Path directory = file.getParent();
        OwnerOnly.createDirectories(directory);
        removeLeftovers();
        Path temp = Files.createTempFile(directory, tempPrefix, TEMP_SUFFIX, OwnerOnly.file(directory));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException notDeleted) {
                e.addSuppressed(notDeleted); // the next write removes it
            }
            throw e;
        }
        forceDirectory(directory);
    }

    /** Removes the temporary files of writers that died: there is no other while the file's lock is held. */
    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(file.getParent(), candidate -> {
            String name = candidate.getFileName().toString();
            return name.startsWith(tempPrefix) && name.endsWith(TEMP_SUFFIX);
        })) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /**
     * Makes the move durable. Where a directory cannot be opened (Windows) or forced, the file system orders the
     * move with the data anyway, or offers nothing better: nothing to do there.
     */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not possible on this platform
        }
    }
}
