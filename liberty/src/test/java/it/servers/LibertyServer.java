package it.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Liberty server of a test's own, beside the Arquillian server: the runtime the build unpacked ({@code wlp.home}),
 * its own name ({@code <liberty.server.name>-<label>}) and free HTTP port, the example application ({@code example.war})
 * at {@code /}, and the configuration given as system properties ({@code jvm.options}, ordinal 400: above the WAR's
 * {@code microprofile-config.properties}; an empty value unsets a key). Its {@code server.xml} has the features of
 * the project's ({@code server-config/server.xml}, as the Arquillian server), but not its sandbox: point
 * {@code ticketpark/mp-rest/url} at the Arquillian server's sandbox.
 * <p>
 * {@link #start()} runs {@code bin/server run} as a child process (the script {@code exec}s the JVM, so the handle is
 * the server's own process: {@link #kill()} is a {@code kill -9}) and waits for the application and the server to
 * report started in {@code messages.log}. {@link #stop()} is {@code bin/server stop}. Start again after a stop or a
 * kill: same directory, same workarea, same port; each start rolls the earlier {@code messages.log} aside.
 * {@link #close()} stops (or kills) it and deletes its directory, after copying its logs to
 * {@code target/extra-servers/<name>}; use it in try-with-resources, so that a failing test cleans up too. A shutdown
 * hook kills what is still running when the test JVM ends. Not thread-safe: one test drives it.
 */
public final class LibertyServer implements AutoCloseable {

    /** The example application's name, in server.xml and in {@code CWWKZ0001I}. */
    public static final String APPLICATION = "ticketpark-example";

    /** Bounds against hanging, not timings: a start on two busy cores takes 10 to 40 s. */
    private static final Duration START_LIMIT = Duration.ofSeconds(180);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(90);
    private static final long MESSAGE_LIMIT_SECONDS = 30;
    /** Messages that end a start: the example application failed, or the HTTP port was taken. */
    private static final Pattern FAILED = Pattern
            .compile("CWWKZ0002E: .*" + APPLICATION + "|CWWKZ0004E: .*" + APPLICATION + "|CWWKO0221E");

    private static final Pattern FEATURE_MANAGER = Pattern.compile("<featureManager>.*?</featureManager>",
            Pattern.DOTALL);

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final Path wlp;
    private final Path directory;
    private final MessagesLog messages;
    private final int httpPort;
    private Process process;
    private int starts;
    private Duration lastStart = Duration.ZERO;

    private LibertyServer(String name, Path wlp, int httpPort) {
        this.name = name;
        this.wlp = wlp;
        this.directory = wlp.resolve(Path.of("usr", "servers", name));
        this.messages = new MessagesLog(directory);
        this.httpPort = httpPort;
    }

    /** A server with the example application and nothing else; see {@link #create(String, String)}. */
    public static LibertyServer create(String label) throws IOException {
        return create(label, "");
    }

    /**
     * Creates the server's directory (deleting one an earlier, aborted run left), with its {@code server.xml} and no
     * configuration yet. Nothing runs until {@link #start()}.
     *
     * @param label tells this server from the test's others, in its name {@code <liberty.server.name>-<label>}
     * @param serverXml more {@code server.xml} elements (a feature, a {@code dataSource}, ...), or {@code ""}
     */
    public static LibertyServer create(String label, String serverXml) throws IOException {
        if (!label.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a label is lower-case letters, digits and '-': " + label);
        }
        Path wlp = Path.of(required("wlp.home"));
        LibertyServer server = new LibertyServer(required("liberty.server.name") + "-" + label, wlp, freePort());
        Directories.delete(server.directory);
        Files.createDirectories(server.directory);
        Files.writeString(server.directory.resolve("server.xml"), server.serverXml(serverXml));
        return server;
    }

    /**
     * Replaces the configuration: one system property per entry, in {@code jvm.options}, taken up at the next
     * {@link #start()}. An empty value unsets the key for MicroProfile Config (e.g. {@code ticketpark.password}).
     * No secret belongs here that a test cannot afford in a file of this directory.
     */
    public LibertyServer configure(Map<String, String> properties) throws IOException {
        String options = new TreeMap<>(properties).entrySet().stream().map(entry -> {
            if ((entry.getKey() + entry.getValue()).chars().anyMatch(c -> c == '\n' || c == '\r')) {
                throw new IllegalArgumentException("a line break in the property " + entry.getKey());
            }
            return "-D" + entry.getKey() + "=" + entry.getValue();
        }).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(directory.resolve("jvm.options"), options);
        return this;
    }

    /**
     * Runs the server and waits until the example application and the server report started.
     *
     * @throws AssertionError if the process ends, the application fails, or neither within the bound
     */
    public void start() throws IOException, InterruptedException {
        if (running()) {
            throw new IllegalStateException(name + " is running");
        }
        starts++;
        Path logs = Files.createDirectories(directory.resolve("logs"));
        messages.rollAside(starts);
        Path console = logs.resolve("console.start-" + starts + ".log");
        long begin = System.nanoTime();
        process = command("run").redirectErrorStream(true).redirectOutput(console.toFile()).start();
        RUNNING.add(process);
        process.getOutputStream().close();
        long deadline = begin + START_LIMIT.toNanos();
        while (true) {
            Optional<String> failure = messages.find(FAILED);
            if (failure.isPresent()) {
                throw new AssertionError(name + " failed to start: " + failure.get());
            }
            String log = messages.read();
            if (log.contains("CWWKZ0001I: Application " + APPLICATION + " started") && log.contains("CWWKF0011I")) {
                lastStart = Duration.ofNanos(System.nanoTime() - begin);
                return;
            }
            if (!process.isAlive()) {
                RUNNING.remove(process);
                throw new AssertionError(name + " ended with exit code " + process.exitValue()
                        + " before it started; see " + console);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(name + " did not start within " + START_LIMIT.toSeconds() + " s; see "
                        + messages.file());
            }
            TimeUnit.MILLISECONDS.sleep(MessagesLog.POLL.toMillis());
        }
    }

    /**
     * Stops the server the orderly way ({@code bin/server stop}) and waits for its process to end.
     *
     * @throws AssertionError if the stop command fails, or the process outlives the bound (it is killed then)
     */
    public void stop() throws IOException, InterruptedException {
        requireRunning();
        Process stop = command("stop").redirectErrorStream(true)
                .redirectOutput(directory.resolve(Path.of("logs", "stop-" + starts + ".log")).toFile()).start();
        stop.getOutputStream().close();
        boolean stopped = stop.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!stopped) {
            stop.destroyForcibly();
        }
        boolean ended = process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            kill();
            throw new AssertionError(name + " was still running " + STOP_LIMIT.toSeconds() + " s after "
                    + "bin/server stop (killed now)");
        }
        RUNNING.remove(process);
        if (!stopped || stop.exitValue() != 0) {
            throw new AssertionError("bin/server stop " + name + " failed: " + (stopped
                    ? "exit code " + stop.exitValue()
                    : "still running after " + STOP_LIMIT.toSeconds() + " s"));
        }
    }

    /** Ends the server's JVM at once ({@code kill -9}): no shutdown hook, no orderly stop. */
    public void kill() throws InterruptedException {
        requireRunning();
        process.destroyForcibly();
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError(name + " (pid " + process.pid() + ") outlived kill -9");
        }
        RUNNING.remove(process);
    }

    /** Whether its process runs (started, not stopped or killed). */
    public boolean running() {
        return process != null && process.isAlive();
    }

    /** The process id of the server's JVM. */
    public long pid() {
        requireRunning();
        return process.pid();
    }

    /** A GET of the example application, e.g. {@code /api/events}, answered within 60 s. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code http://localhost:<port><path>}. */
    public URI url(String path) {
        return URI.create("http://localhost:" + httpPort + path);
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The server's directory, {@code <wlp.home>/usr/servers/<name>}. */
    public Path directory() {
        return directory;
    }

    /** What the server logged to {@code messages.log} since its last start. */
    public String messages() throws IOException {
        return messages.read();
    }

    /**
     * Waits for a line of {@code messages.log} since the last start that matches (Liberty writes it a moment after
     * the event), at most {@value #MESSAGE_LIMIT_SECONDS} s.
     *
     * @return the first such line
     */
    public String awaitMessage(String regex) throws IOException, InterruptedException {
        return messages.await(Pattern.compile(regex), Duration.ofSeconds(MESSAGE_LIMIT_SECONDS));
    }

    /** How long the last {@link #start()} took, up to both messages. */
    public Duration lastStart() {
        return lastStart;
    }

    /**
     * Stops the server if it runs (kills it if that fails), copies its logs to {@code target/extra-servers/<name>},
     * and deletes its directory.
     */
    @Override
    public void close() throws IOException {
        try {
            if (running()) {
                try {
                    stop();
                } catch (IOException | RuntimeException | AssertionError e) {
                    forceEnd();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    forceEnd();
                }
            }
        } finally {
            Directories.copy(directory.resolve("logs"), Path.of("target", "extra-servers", name));
            Directories.delete(directory);
        }
    }

    /** {@code kill -9}, for {@link #close()}: it neither fails nor waits for long, interrupted or not. */
    private void forceEnd() {
        process.destroyForcibly();
        try {
            process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(process);
    }

    private String serverXml(String more) throws IOException {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- written by it.servers.LibertyServer: deleted with the server -->
                <server description="an extra server of an integration test">
                    <!-- the features of server-config/server.xml -->
                %s
                    <httpEndpoint id="defaultHttpEndpoint" host="*" httpPort="%d" httpsPort="%d"/>

                    <webApplication id="%s" name="%s" location="%s" contextRoot="/"/>
                %s
                </server>
                """.formatted(features().indent(4), httpPort, freePort(), APPLICATION, APPLICATION,
                Path.of(required("example.war")).toAbsolutePath(), more.indent(4));
    }

    /**
     * The {@code featureManager} of {@code server-config/server.xml}, copied: not the file itself, whose sandbox
     * application an extra server must not run, nor declare switched off (Liberty would hold the HTTP port closed
     * for 30 s, waiting for it to start).
     */
    private static String features() throws IOException {
        String shared = Files.readString(Path.of(required("server.config.xml")));
        Matcher features = FEATURE_MANAGER.matcher(shared);
        if (!features.find()) {
            throw new IllegalStateException("no <featureManager> in " + required("server.config.xml"));
        }
        return features.group();
    }

    /** {@code bin/server <action> <name>} on the test JVM's Java, without any TICKETPARK_* of the environment. */
    private ProcessBuilder command(String action) {
        ProcessBuilder builder = new ProcessBuilder(wlp.resolve(Path.of("bin", "server")).toString(), action, name);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("TICKETPARK"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    private void requireRunning() {
        if (!running()) {
            throw new IllegalStateException(name + " is not running");
        }
    }

    /**
     * A port nobody listens on now. Another process may take it before the server binds it: then the start fails
     * ({@code CWWKO0221E} in the log), which two or three servers on a build machine make unlikely.
     */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set (liberty/pom.xml, failsafe)");
        }
        return value;
    }
}
