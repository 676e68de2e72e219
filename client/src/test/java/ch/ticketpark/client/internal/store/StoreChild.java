package ch.ticketpark.client.internal.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import ch.ticketpark.client.spi.LockingTokenStore;
import ch.ticketpark.client.spi.StoredTokens;

/**
 * Another process on the same token file, started by {@link ChildJvm}: {@code <mode> <directory> <client key>
 * <username>}. It reports on standard output, one word a line, and exits when its standard input ends (the test is
 * gone), so that it never outlives the test.
 * <ul>
 * <li>{@code claim}: claims the account, says {@code CLAIMED} (or {@code BUSY}), holds the claim until a line arrives
 * on standard input, then says {@code RELEASED};</li>
 * <li>{@code write}: replaces the state as fast as it can, says {@code WRITING} after its first write, until it is
 * killed; each state it writes is {@link #written(long)};</li>
 * <li>{@code race <attempts>}: offers the next version that many times, says {@code WON <version>} for each it
 * stored, then {@code DONE}.</li>
 * </ul>
 */
public final class StoreChild {

    private static final Instant OBTAINED = Instant.parse("2024-05-01T10:15:30Z");

    private StoreChild() {
    }

    /** The state the {@code write} mode stores as {@code version}. */
    static StoredTokens written(long version) {
        return new StoredTokens("child-refresh-" + version, "child-access-" + version, OBTAINED,
                OBTAINED.plusSeconds(version + 1), version);
    }

    public static void main(String[] args) throws IOException {
        FileTokenStore store = new FileTokenStore(Path.of(args[1]), args[2], args[3]);
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        switch (args[0]) {
            case "claim" -> claim(store, input);
            case "write" -> {
                exitWhenInputEnds(input);
                write(store);
            }
            case "race" -> {
                exitWhenInputEnds(input);
                race(store, Integer.parseInt(args[4]));
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void claim(FileTokenStore store, BufferedReader input) throws IOException {
        Optional<LockingTokenStore.Claim> claim = store.claim(Duration.ofSeconds(10));
        if (claim.isEmpty()) {
            say("BUSY");
            return;
        }
        LockingTokenStore.Claim held = claim.get();
        try {
            say("CLAIMED");
            input.readLine();
        } finally {
            held.close();
        }
        say("RELEASED");
    }

    private static void write(FileTokenStore store) {
        boolean said = false;
        while (true) {
            long version = store.load().map(StoredTokens::version).orElse(0L);
            if (store.compareAndSet(version, written(version + 1)) && !said) {
                say("WRITING");
                said = true;
            }
        }
    }

    private static void race(FileTokenStore store, int attempts) {
        for (int attempt = 0; attempt < attempts; attempt++) {
            long version = store.load().map(StoredTokens::version).orElse(0L);
            StoredTokens next = new StoredTokens("child-refresh-" + attempt, "child-access-" + attempt, OBTAINED,
                    OBTAINED.plusSeconds(60), version + 1);
            if (store.compareAndSet(version, next)) {
                say("WON " + next.version());
            }
        }
        say("DONE");
    }

    private static void exitWhenInputEnds(BufferedReader input) {
        Thread watcher = new Thread(() -> {
            try {
                while (input.readLine() != null) {
                    // only its end counts
                }
            } catch (IOException e) {
                // ends as well
            }
            Runtime.getRuntime().halt(3);
        }, "input-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
