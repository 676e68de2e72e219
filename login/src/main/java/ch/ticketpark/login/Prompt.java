package ch.ticketpark.login;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads the secrets, and only from the operator: never from arguments or environment variables, which end up in the
 * shell history, the process list or {@code /proc}. On a terminal without echo ({@link Console#readPassword}); without
 * one (piped stdin: a script, a test) each secret is the next line of stdin, its prompt on stderr so that stdout keeps
 * only the result; piped input is read as UTF-8. Secrets are handed out as {@code char[]}, for the caller to clear when done.
 */
final class Prompt {

    private final Console console;
    private final Reader lines;
    private final PrintStream prompts;

    private Prompt(Console console, Reader lines, PrintStream prompts) {
        this.console = console;
        this.lines = lines;
        this.prompts = prompts;
    }

    /** Lines of {@code stdin}, prompts on {@code err}. */
    static Prompt lines(InputStream stdin, PrintStream err) {
        return new Prompt(null, new InputStreamReader(stdin, StandardCharsets.UTF_8), err);
    }

    /** The process's terminal if it has one, else its stdin. */
    static Prompt ofProcess() {
        Console console = System.console();
        if (console != null && isTerminal(console)) {
            return new Prompt(console, null, null);
        }
        return lines(System.in, System.err);
    }

    /**
     * Before Java 22 {@link System#console()} is {@code null} without a terminal; from Java 22 on it may return one
     * for redirected streams too, and {@code Console.isTerminal()} (not in Java 17) tells.
     */
    static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * @param label what is asked for, in lower case, as messages name it (never a secret)
     * @param emptyAllowed whether an empty answer counts (a database without a password), else it is refused
     * @return the secret, for the caller to clear
     * @throws Failure (usage) if the input ended before the answer, or the answer is empty when it must not be
     */
    char[] secret(String label, boolean emptyAllowed) {
        char[] secret = console != null ? console.readPassword("%s", prompt(label)) : readLine(label);
        if (secret == null) {
            throw Failure.usage("No " + label + " given: the input ended");
        }
        if (secret.length == 0 && !emptyAllowed) {
            throw Failure.usage("No " + label + " given: the answer was empty");
        }
        return secret;
    }

    /** The next line, without its line end ({@code \n} or {@code \r\n}); {@code null} at the end of the input. */
    private char[] readLine(String label) {
        prompts.print(prompt(label));
        prompts.flush();
        char[] buffer = new char[64];
        int length = 0;
        try {
            int c;
            while ((c = lines.read()) != -1 && c != '\n') {
                if (length == buffer.length) {
                    char[] larger = Arrays.copyOf(buffer, buffer.length * 2);
                    Arrays.fill(buffer, '\0');
                    buffer = larger;
                }
                buffer[length++] = (char) c;
            }
            if (c == -1 && length == 0) {
                return null;
            }
            if (length > 0 && buffer[length - 1] == '\r') {
                length--;
            }
            return Arrays.copyOf(buffer, length);
        } catch (IOException e) {
            throw Failure.usage("Cannot read the " + label + " from stdin (" + e.getClass().getSimpleName()
                    + ")");
        } finally {
            Arrays.fill(buffer, '\0');
            prompts.println();
        }
    }

    /** The label as a prompt: its first letter in upper case. */
    private static String prompt(String label) {
        return label.isEmpty() ? label : label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1) + ": ";
    }
}
