package ch.ticketpark.client.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.ticketpark.client.spi.LockingTokenStore;
import ch.ticketpark.client.spi.StoredTokens;

/**
 * The {@code file} token store: one file per account in a directory, for the servers of one host that share it.
 * <p>
 * The file is named {@code ticketpark-<16 hex>.properties}, the hex the start of the SHA-256 of
 * {@code clientKey + "\n" + username}: nothing of the account, whatever characters it has, reaches the path. It holds
 * the state in {@link TokenFileFormat format 1}, with the account in plain (neither the client key nor the username is
 * a secret), and is replaced {@link AtomicFile atomically}: the file is always the old state or the new one, also
 * after a crash. The directory, created with its missing parents if need be, and the files are owner-only where the
 * file system has POSIX permissions.
 * <p>
 * A {@link #compareAndSet} and a {@link #claim} hold the account's {@link AccountLock lock}: this JVM's permit and a
 * file lock on {@code <file name>.lock} beside the file. So a compare-and-set is atomic across the threads of a JVM and
 * across processes, and a claim excludes every other claim and compare-and-set on the account until it is closed: the
 * servers of the host send one token request per expiry. A claim that a dying process never closed is released by the
 * operating system with the process. {@link #load()} takes no lock: the file it reads is whole at every moment. Across
 * hosts, on a network file system, the file lock is only as good as the file system's: there the {@code jdbc} store
 * is the one to share.
 * <p>
 * Every failure names the file and what went wrong, never a value the file holds; nothing is logged.
 */
public final class FileTokenStore implements LockingTokenStore {

    /** How long a compare-and-set waits for the lock, which a claim holds for one token request. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    private final String account;
    private final AtomicFile file;
    private final AccountLock lock;
    private final Duration lockWait;

    /**
     * @param directory where the account's file lives; created owner-only when the first state is stored, if missing
     * @param clientKey the API client's key
     * @param username the user the tokens are issued to
     */
    public FileTokenStore(Path directory, String clientKey, String username) {
        this(directory, clientKey, username, LOCK_WAIT);
    }

    FileTokenStore(Path directory, String clientKey, String username, Duration lockWait) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(username, "username");
        this.account = clientKey + "/" + username;
        Path path = directory.toAbsolutePath().normalize().resolve(fileName(clientKey, username));
        this.file = new AtomicFile(path);
        this.lock = new AccountLock(path.resolveSibling(path.getFileName() + ".lock"));
        this.lockWait = Objects.requireNonNull(lockWait, "lockWait");
    }

    /** {@code ticketpark-<16 hex>.properties}: the start of the SHA-256 of the account. */
    static String fileName(String clientKey, String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((clientKey + "\n" + username).getBytes(StandardCharsets.UTF_8));
            return "ticketpark-" + HexFormat.of().formatHex(digest, 0, 8) + ".properties";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The account's file. */
    public Path path() {
        return file.path();
    }

    /**
     * @throws IllegalStateException if the file is not a token file of this account (the message says why, and
     *         quotes nothing from it)
     * @throws UncheckedIOException if it cannot be read
     */
    @Override
    public Optional<StoredTokens> load() {
        return Optional.ofNullable(read());
    }

    /**
     * Waits for the account's lock up to {@link #LOCK_WAIT} (a claim holds it for one token request).
     *
     * @throws IllegalArgumentException if {@code next} is not version {@code expectedVersion + 1} (see
     *         {@link VersionRule})
     * @throws IllegalStateException if the lock was held by others for all of the wait, or by this thread (it holds a
     *         claim: it stores through it), if the thread was interrupted meanwhile (its interrupt status is kept),
     *         or if the file is not a token file of this account
     * @throws UncheckedIOException if the file cannot be read or written
     */
    @Override
    public boolean compareAndSet(long expectedVersion, StoredTokens next) {
        VersionRule.check(expectedVersion, next);
        Optional<AccountLock.Held> held;
        try {
            held = acquire(lockWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the lock " + lock.path()
                    + ": nothing stored");
        }
        AccountLock.Held locked = held.orElseThrow(() -> new IllegalStateException(
                "The lock " + lock.path() + " was held by others for " + lockWait + ": nothing stored"));
        try {
            return replaceLocked(expectedVersion, next);
        } finally {
            locked.close();
        }
    }

    /**
     * Holds the account's lock until the claim is closed: its {@link Claim#current()} is read under it, and its
     * {@link Claim#compareAndSet} writes without locking again.
     *
     * @return the claim, or empty if others held the lock for all of {@code wait}, or the thread was interrupted while
     *         it waited (its interrupt status is kept)
     * @throws IllegalStateException if this thread holds a claim on the account already, or the file is not a token
     *         file of this account
     * @throws UncheckedIOException if the lock file or the file cannot be read
     */
    @Override
    public Optional<Claim> claim(Duration wait) {
        Optional<AccountLock.Held> held;
        try {
            held = acquire(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (held.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FileClaim(held.get(), Optional.ofNullable(read())));
        } catch (RuntimeException | Error e) {
            held.get().close();
            throw e;
        }
    }

    /** The lock; an interrupt while it waits, also one that closed the lock file's channel, is thrown as such. */
    private Optional<AccountLock.Held> acquire(Duration wait) throws InterruptedException {
        try {
            return lock.tryAcquire(wait);
        } catch (ClosedByInterruptException e) {
            throw new InterruptedException();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + lock.path(), e);
        }
    }

    /** The compare-and-set itself, with the lock held. */
    private boolean replaceLocked(long expectedVersion, StoredTokens next) {
        if (VersionRule.versionOf(read()) != expectedVersion) {
            return false;
        }
        try {
            file.write(TokenFileFormat.write(account, next).getBytes(StandardCharsets.US_ASCII));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the token file " + file.path(), e);
        }
    }

    /** The stored state, {@code null} for none. */
    private StoredTokens read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.path());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token file " + file.path(), e);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return TokenFileFormat.read(text, account);
        } catch (CharacterCodingException e) {
            throw unreadable("it is not UTF-8 text");
        } catch (TokenFileFormat.MalformedException e) {
            throw unreadable(e.getMessage());
        }
    }

    private IllegalStateException unreadable(String problem) {
        return new IllegalStateException("The token file " + file.path() + " is not a token file of this account ("
                + problem + "); delete it to start again from the configured refresh token or login");
    }

    /** Names the store and its file only. */
    @Override
    public String toString() {
        return "FileTokenStore[" + file.path() + "]";
    }

    /** The account, held until closed. */
    private final class FileClaim implements Claim {

        private final AccountLock.Held held;
        private final Optional<StoredTokens> current;
        private final AtomicBoolean closed = new AtomicBoolean();

        FileClaim(AccountLock.Held held, Optional<StoredTokens> current) {
            this.held = held;
            this.current = current;
        }

        @Override
        public Optional<StoredTokens> current() {
            return current;
        }

        /**
         * @throws IllegalStateException if the claim is closed
         */
        @Override
        public boolean compareAndSet(long expectedVersion, StoredTokens next) {
            VersionRule.check(expectedVersion, next);
            if (closed.get()) {
                throw new IllegalStateException("The claim on " + file.path() + " is closed: nothing stored");
            }
            return replaceLocked(expectedVersion, next);
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                held.close();
            }
        }

        @Override
        public String toString() {
            return "FileTokenStore.Claim[" + file.path() + (closed.get() ? ", closed" : "") + "]";
        }
    }
}
