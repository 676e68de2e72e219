package ch.ticketpark.sandbox.oauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * Test-only: appends every token the sandbox issues to the file named by {@code sandbox.issued-tokens-file}, so that
 * the build can scan logs and reports for them afterwards. Off (the default) when the key is not set.
 */
@ApplicationScoped
public class IssuedTokenJournal {

    public static final String FILE = "sandbox.issued-tokens-file";

    private final Path file;

    @Inject
    public IssuedTokenJournal(Config config) {
        this(config.getOptionalValue(FILE, String.class).map(Path::of).orElse(null));
    }

    IssuedTokenJournal(Path file) {
        this.file = file;
    }

    /** For the CDI client proxy only. */
    protected IssuedTokenJournal() {
        this((Path) null);
    }

    static IssuedTokenJournal off() {
        return new IssuedTokenJournal((Path) null);
    }

    synchronized void record(IssuedTokens tokens) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, tokens.accessToken() + "\n" + tokens.refreshToken() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + FILE, e);
        }
    }
}
