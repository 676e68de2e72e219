package it.servers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one-time login as the operator runs it: the packaged jar ({@code login.jar}, a failsafe system property) with
 * {@code java -jar} in a child JVM, the secrets piped on stdin one line each, in the order it prompts for them
 * (client secret, the user's password, with {@code --store jdbc} the database password). The login module builds
 * before this one in the reactor.
 */
public final class LoginJar {

    /** A bound against hanging: one token request, one store write. */
    private static final long LIMIT_SECONDS = 60;

    private LoginJar() {
    }

    /**
     * Runs the login to its end.
     *
     * @param args the options, none of them secret
     * @param secrets the lines piped on stdin
     * @return its exit code and output (its prompts are on stderr; it never prints a token but with {@code --print})
     */
    public static Result run(List<String> args, List<String> secrets) throws IOException, InterruptedException {
        Path jar = jar();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        Path out = Files.createTempFile("login-out", ".txt");
        Path err = Files.createTempFile("login-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            try (OutputStream stdin = process.getOutputStream()) {
                for (String secret : secrets) {
                    stdin.write((secret + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
                throw new AssertionError("the login still ran after " + LIMIT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Path jar() {
        String property = System.getProperty("login.jar");
        if (property == null || !Files.isRegularFile(Path.of(property))) {
            throw new IllegalStateException("The login jar " + property + " is missing: build the login module in the "
                    + "same run, before this one (mvn -B verify -pl client,login,sandbox,liberty ...)");
        }
        return Path.of(property);
    }

    /** What the login left: exit code 0 done, 1 the grant or the store failed, 2 bad usage. */
    public record Result(int exitCode, String out, String err) {
    }
}
