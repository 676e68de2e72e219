package it.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A server's {@code logs/messages.log}, polled: Liberty writes it a moment after the event. Rolled aside before each
 * start, so that it holds that start's messages only.
 */
final class MessagesLog {

    static final Duration POLL = Duration.ofMillis(200);

    private final Path file;

    MessagesLog(Path serverDirectory) {
        this.file = serverDirectory.resolve(Path.of("logs", "messages.log"));
    }

    Path file() {
        return file;
    }

    /** Moves the log of the earlier start, if any, to {@code messages.before-start-<start>.log}. */
    void rollAside(int start) throws IOException {
        if (Files.exists(file)) {
            Files.move(file, file.resolveSibling("messages.before-start-" + start + ".log"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** All of it, {@code ""} before the server wrote any. */
    String read() throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /** The first line that matches, if any. */
    Optional<String> find(Pattern pattern) throws IOException {
        return read().lines().filter(line -> pattern.matcher(line).find()).findFirst();
    }

    /**
     * @return the first line that matches
     * @throws AssertionError if none within {@code limit}
     */
    String await(Pattern pattern, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Optional<String> line = find(pattern);
            if (line.isPresent()) {
                return line.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("nothing like /" + pattern + "/ in " + file + " within " + limit.toSeconds()
                        + " s");
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
    }
}
