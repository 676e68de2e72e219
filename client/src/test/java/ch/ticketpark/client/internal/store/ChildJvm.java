package ch.ticketpark.client.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link StoreChild} in a JVM of its own, on the test's class path, with its standard output read line by line:
 * a test waits for a line the child says once it holds what it holds, never for a guessed time.
 */
final class ChildJvm implements AutoCloseable {

    private static final String END = "<end of output>";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
            lines.add(END);
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code StoreChild <mode> <directory> <clientKey> <username> <more…>}. */
    static ChildJvm start(String mode, Path directory, String clientKey, String username, String... more)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
                "-cp", System.getProperty("java.class.path"),
                StoreChild.class.getName(), mode, directory.toString(), clientKey, username));
        command.addAll(List.of(more));
        return new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** Waits for the child's next line, which must be {@code expected}. */
    void awaitLine(String expected) throws InterruptedException {
        assertThat(nextLine(Duration.ofSeconds(20))).as("the child's next line").isEqualTo(expected);
    }

    /** The child's next line, {@code null} if it said nothing more within {@code timeout} or ended. */
    String nextLine(Duration timeout) throws InterruptedException {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return END.equals(line) ? null : line;
    }

    /** Sends the child a line (the claim mode releases its claim on it). */
    void tell(String line) throws IOException {
        OutputStream input = process.getOutputStream();
        input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        input.flush();
    }

    /** Kills the child as a power loss would, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the killed child ended").isTrue();
    }

    /** Waits for the child to exit on its own, and answers its exit code. */
    int awaitExit() throws InterruptedException {
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the child ended").isTrue();
        return process.exitValue();
    }

    /** Kills the child if it still runs; does not wait for it (a test that needs it gone calls {@link #kill()}). */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}
