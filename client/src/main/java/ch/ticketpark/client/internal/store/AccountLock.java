package ch.ticketpark.client.internal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The lock on one account's token file, exclusive across the threads of this JVM and across the processes of the
 * host: a permit of this JVM, then a {@link FileLock} on a lock file beside the token file.
 * <p>
 * Both are needed: a file lock is held by the whole JVM (a second one on the same file, from any thread, throws
 * {@link OverlappingFileLockException}), and on POSIX closing any channel of the file releases the JVM's locks on it.
 * So the permit, one per lock file in the JVM whatever store asks for it, is taken first, and only its holder opens
 * the lock file. The lock file is never deleted: a process that opened it before the deletion would lock a file that
 * others no longer see. A lock whose holder dies is released by the operating system with the process.
 * <p>
 * The permit has no owner thread, so a lock may be released by another thread than the one that took it; but the
 * thread that took it may not ask for it again before it is released (it would wait for itself).
 */
final class AccountLock {

    /** The permits of this JVM, by the lock file's real path (two stores may name one directory differently). */
    private static final ConcurrentMap<Path, Permit> PERMITS = new ConcurrentHashMap<>();
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final Path lockFile;

    AccountLock(Path lockFile) {
        this.lockFile = lockFile;
    }

    Path path() {
        return lockFile;
    }

    /**
     * Takes the lock, polling the file lock with short pauses while another process holds it.
     *
     * @return the lock, or empty if others held it for all of {@code wait}
     * @throws IllegalStateException if the calling thread holds it already
     * @throws IOException if the directory or the lock file cannot be created or locked
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    Optional<Held> tryAcquire(Duration wait) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, saturatedNanos(wait));
        Path directory = lockFile.getParent();
        OwnerOnly.createDirectories(directory);
        Permit permit = PERMITS.computeIfAbsent(directory.toRealPath().resolve(lockFile.getFileName()),
                path -> new Permit());
        if (permit.holder == Thread.currentThread()) {
            throw new IllegalStateException("This thread holds the lock " + lockFile
                    + " already: it stores through the claim it holds");
        }
        if (!permit.semaphore.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            return Optional.empty();
        }
        Held held = null;
        try {
            held = lockFile(permit, deadline);
            return Optional.ofNullable(held);
        } finally {
            if (held == null) {
                permit.semaphore.release();
            }
        }
    }

    /** The file lock, with the permit held; {@code null} if another process held it until the deadline. */
    private Held lockFile(Permit permit, long deadline) throws IOException, InterruptedException {
        FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                OwnerOnly.file(lockFile.getParent()));
        Held held = null;
        try {
            long pause = FIRST_PAUSE_NANOS;
            while (held == null) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    held = new Held(permit, channel, lock);
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return null;
                    }
                    TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
                    pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
                }
            }
            permit.holder = Thread.currentThread();
            return held;
        } finally {
            if (held == null) {
                channel.close();
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // held in this JVM through a path the permits do not know (a hard link): wait as for another process
            return null;
        }
    }

    private static long saturatedNanos(Duration wait) {
        try {
            return wait.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }

    /** This JVM's permit for one lock file, and the thread that took it last, while it holds it. */
    private static final class Permit {

        private final Semaphore semaphore = new Semaphore(1, true);
        private volatile Thread holder;
    }

    /** The lock, held until {@link #close()}. */
    static final class Held implements AutoCloseable {

        private final Permit permit;
        private final FileChannel channel;
        private final FileLock lock;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Held(Permit permit, FileChannel channel, FileLock lock) {
            this.permit = permit;
            this.channel = channel;
            this.lock = lock;
        }

        /** Releases the lock, once; never throws. The permit goes last, after the lock file's channel is closed. */
        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            permit.holder = null;
            try {
                lock.release();
            } catch (IOException | RuntimeException e) {
                // closing the channel releases it as well
            }
            try {
                channel.close();
            } catch (IOException | RuntimeException e) {
                // the operating system releases what is left with the process
            } finally {
                permit.semaphore.release();
            }
        }
    }
}
