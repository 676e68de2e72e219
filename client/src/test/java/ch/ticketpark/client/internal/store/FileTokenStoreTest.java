package ch.ticketpark.client.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ch.ticketpark.client.spi.LockingTokenStore;
import ch.ticketpark.client.spi.StoredTokens;
import ch.ticketpark.client.support.RealTime;

class FileTokenStoreTest {

    private static final String CLIENT_KEY = "client-key-1";
    private static final String USERNAME = "jane@example.com";
    private static final Instant OBTAINED = Instant.parse("2024-05-01T10:15:30Z");
    private static final StoredTokens FULL = new StoredTokens("refresh-1", "access-1", OBTAINED,
            OBTAINED.plusSeconds(1800), 1);

    @TempDir
    Path directory;

    private FileTokenStore store() {
        return new FileTokenStore(directory, CLIENT_KEY, USERNAME);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Nested
    class Storing {

        @Test
        void nothingIsStoredAtFirstAndReadingCreatesNothing() {
            Path missing = directory.resolve("not-yet");

            assertThat(new FileTokenStore(missing, CLIENT_KEY, USERNAME).load()).isEmpty();

            assertThat(missing).doesNotExist();
        }

        @Test
        void aFullStateComesBackInAnotherStoreOnTheDirectory() {
            assertThat(store().compareAndSet(0, FULL)).isTrue();

            assertThat(store().load()).contains(FULL);
        }

        @Test
        void aRefreshTokenOnlyStateComesBack() {
            StoredTokens onlyRefresh = StoredTokens.ofRefreshToken("refresh-only", 1);

            store().compareAndSet(0, onlyRefresh);

            assertThat(store().load()).contains(onlyRefresh);
        }

        @ParameterizedTest
        @ValueSource(strings = {"a=b=c:d", "back\\slash\\u0041", "spaces  and\ttabs ", "line\nfeed\r\n",
                "zürich ünïcödé € 🎟️", "lone \ud800 surrogate", "nul \u0000", "# not a comment", "end"})
        void anyTokenComesBackExactly(String token) {
            StoredTokens tokens = new StoredTokens(token, token + "x", OBTAINED, OBTAINED.plusSeconds(60), 1);

            store().compareAndSet(0, tokens);

            assertThat(store().load()).contains(tokens);
        }

        @Test
        void theFileIsNamedByAHashOfTheAccountAndHoldsTheAccountInPlain() throws Exception {
            store().compareAndSet(0, FULL);

            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((CLIENT_KEY + "\n" + USERNAME).getBytes(StandardCharsets.UTF_8));
            String name = "ticketpark-" + HexFormat.of().formatHex(hash).substring(0, 16) + ".properties";
            assertThat(names(directory)).containsExactly(name, name + ".lock");
            assertThat(store().path()).isEqualTo(directory.resolve(name));
            assertThat(Files.readAllLines(directory.resolve(name))).contains("format=1",
                    "account=client-key-1/jane@example.com", "version=1", "refresh-token=refresh-1",
                    "access-token=access-1", "obtained-at=2024-05-01T10:15:30Z", "expires-at=2024-05-01T10:45:30Z");
        }

        @Test
        void anAccountOfAnyCharactersStaysInTheDirectory() {
            FileTokenStore odd = new FileTokenStore(directory, "../../etc/passwd", "a/b\\c\u0000:*?\n");

            odd.compareAndSet(0, FULL);

            assertThat(odd.path().getParent()).isEqualTo(directory);
            assertThat(odd.path().getFileName().toString()).matches("ticketpark-[0-9a-f]{16}\\.properties");
            assertThat(odd.load()).contains(FULL);
        }

        @Test
        void eachAccountHasAFileOfItsOwn() {
            FileTokenStore other = new FileTokenStore(directory, CLIENT_KEY, "john@example.com");
            FileTokenStore shifted = new FileTokenStore(directory, CLIENT_KEY + "\njane", "@example.com");

            store().compareAndSet(0, FULL);
            other.compareAndSet(0, StoredTokens.ofRefreshToken("john's", 1));

            assertThat(other.path()).isNotEqualTo(store().path());
            assertThat(shifted.path()).isNotEqualTo(store().path()); // the same hash input, but another account
            assertThat(store().load()).contains(FULL);
            assertThat(other.load()).contains(StoredTokens.ofRefreshToken("john's", 1));
        }

        @Test
        void toStringNamesTheStoreAndItsFileOnly() {
            FileTokenStore store = store();
            store.compareAndSet(0, FULL);

            assertThat(store).hasToString("FileTokenStore[" + store.path() + "]");
        }
    }

    @Nested
    class CompareAndSet {

        @Test
        void theFirstStateIsStoredOnVersionZeroOnly() {
            assertThat(store().compareAndSet(0, FULL)).isTrue();
            assertThat(store().compareAndSet(0, StoredTokens.ofRefreshToken("second", 1))).isFalse();

            assertThat(store().load()).contains(FULL);
        }

        @Test
        void aStaleExpectedVersionLeavesTheFileAsItWas() throws IOException {
            FileTokenStore store = store();
            store.compareAndSet(0, FULL);
            store.compareAndSet(1, StoredTokens.ofRefreshToken("refresh-2", 2));
            byte[] before = Files.readAllBytes(store.path());

            assertThat(store.compareAndSet(1, StoredTokens.ofRefreshToken("stale", 2))).isFalse();
            assertThat(store.compareAndSet(3, StoredTokens.ofRefreshToken("ahead", 4))).isFalse();

            assertThat(Files.readAllBytes(store.path())).isEqualTo(before);
        }

        @Test
        void eachReplacementIsOneVersionMore() {
            FileTokenStore store = store();
            for (long version = 1; version <= 5; version++) {
                assertThat(store.compareAndSet(version - 1, StoredTokens.ofRefreshToken("r" + version, version)))
                        .isTrue();
            }

            assertThat(store.load()).contains(StoredTokens.ofRefreshToken("r5", 5));
        }

        @Test
        void aNextStateOfAnotherVersionIsAProgrammingErrorAndStoresNothing() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> store().compareAndSet(0, StoredTokens.ofRefreshToken("r", 2)))
                    .withMessage("the next state's version must be expectedVersion + 1 = 1, not 2");

            assertThat(directory).isEmptyDirectory();
        }

        @Test
        void racingThreadsWinEachVersionOnce() throws Exception {
            FileTokenStore store = store();

            CasRace.Outcome outcome = CasRace.run(store, 16, 200);

            assertOneWinnerPerVersion(outcome, store);
        }

        @Test
        void racingStoresOfOneJvmOnTheSameFileWinEachVersionOnce() throws Exception {
            // two stores, one of them through another name of the directory: one lock between them
            Files.createDirectories(directory.resolve("sub"));
            FileTokenStore direct = store();
            FileTokenStore roundabout = new FileTokenStore(directory.resolve("sub/.."), CLIENT_KEY, USERNAME);
            FileTokenStore linked = new FileTokenStore(Files.createSymbolicLink(directory.resolve("link"),
                    directory), CLIENT_KEY, USERNAME);
            List<FileTokenStore> stores = List.of(direct, roundabout, linked);

            CasRace.Outcome outcome = CasRace.run(thread -> stores.get(thread % 3), 12, 50);

            assertOneWinnerPerVersion(outcome, direct);
        }

        private static void assertOneWinnerPerVersion(CasRace.Outcome outcome, FileTokenStore store)
                throws IOException {
            assertThat(outcome.failures()).isEmpty();
            int successes = outcome.successes();
            assertThat(successes).isGreaterThan(1);
            assertThat(outcome.winners().keySet())
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, successes).boxed().toList());
            assertThat(outcome.winners().values()).allSatisfy(winners -> assertThat(winners).hasSize(1));
            StoredTokens last = store.load().orElseThrow();
            assertThat(last.version()).isEqualTo(successes);
            assertThat(last.refreshToken()).isEqualTo(outcome.winners().get((long) successes).get(0));
            assertThat(names(store.path().getParent())).allMatch(name -> !name.endsWith(".tmp"));
        }
    }

    @Nested
    class OnDisk {

        @Test
        void aMissingDirectoryIsCreatedWithItsParentsOwnerOnly() throws IOException {
            assumePosix();
            Path nested = directory.resolve("a/b");

            new FileTokenStore(nested, CLIENT_KEY, USERNAME).compareAndSet(0, FULL);

            assertThat(permissions(directory.resolve("a"))).isEqualTo("rwx------");
            assertThat(permissions(nested)).isEqualTo("rwx------");
        }

        @Test
        void theFilesAreOwnerOnly() throws IOException {
            assumePosix();
            FileTokenStore store = store();

            store.compareAndSet(0, FULL);
            store.compareAndSet(1, StoredTokens.ofRefreshToken("refresh-2", 2));

            assertThat(permissions(store.path())).isEqualTo("rw-------");
            assertThat(permissions(directory.resolve(store.path().getFileName() + ".lock"))).isEqualTo("rw-------");
        }

        @Test
        void anExistingDirectoryKeepsThePermissionsItsOwnerChose() throws IOException {
            assumePosix();
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-x---"));

            store().compareAndSet(0, FULL);

            assertThat(permissions(directory)).isEqualTo("rwxr-x---");
        }

        @Test
        void aTemporaryFileADeadWriterLeftIsRemovedByTheNextWrite() throws IOException {
            FileTokenStore store = store();
            String name = store.path().getFileName().toString();
            Files.writeString(directory.resolve(name + ".12345.tmp"), "refresh-token=half-writ");
            Files.writeString(directory.resolve("ticketpark-0000000000000000.properties.1.tmp"), "another's");
            Files.writeString(directory.resolve(name + ".notes"), "not ours");

            store.compareAndSet(0, FULL);

            assertThat(names(directory)).containsExactlyInAnyOrder(name, name + ".lock", name + ".notes",
                    "ticketpark-0000000000000000.properties.1.tmp");
        }

        private void assumePosix() {
            assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"),
                    "a file system with POSIX permissions");
        }

        private static String permissions(Path path) throws IOException {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        }
    }

    @Nested
    class Failures {

        private static final String SECRET_REFRESH = "PLANTED-REFRESH-6f1e";
        private static final String SECRET_ACCESS = "PLANTED-ACCESS-29ab";
        private static final StoredTokens SECOND = StoredTokens.ofRefreshToken("refresh-2", 2);
        private static final StoredTokens FIFTH = StoredTokens.ofRefreshToken("refresh-5", 5);

        private Path plant(String text) throws IOException {
            Path file = store().path();
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        }

        private String valid() {
            return TokenFileFormat.write(CLIENT_KEY + "/" + USERNAME, new StoredTokens(SECRET_REFRESH, SECRET_ACCESS,
                    OBTAINED, OBTAINED.plusSeconds(60), 4));
        }

        @Test
        void aTruncatedFileIsNamedWithItsProblem() throws IOException {
            String valid = valid();
            Path file = plant(valid.substring(0, valid.indexOf(SECRET_ACCESS) + 7));

            assertUnreadable(file, "the end line is missing (truncated?)");
        }

        @Test
        void aVersionThatIsNoNumberIsNamed() throws IOException {
            Path file = plant(valid().replace("version=4", "version=" + SECRET_REFRESH));

            assertUnreadable(file, "the version is not a number");
        }

        @Test
        void aMissingRefreshTokenIsNamed() throws IOException {
            Path file = plant(valid().replaceAll("refresh-token=.*\n", ""));

            assertUnreadable(file, "line 5: refresh-token belongs there, not a known key out of order or twice");
        }

        @Test
        void anotherFormatIsNamed() throws IOException {
            Path file = plant(valid().replace("format=1", "format=2"));

            assertUnreadable(file, "unknown format (this library reads format 1)");
        }

        @Test
        void anotherAccountsFileIsNamed() throws IOException {
            Path file = plant(valid().replace("jane@", "john@"));

            assertUnreadable(file, "it holds the tokens of another account");
        }

        @Test
        void bytesThatAreNoUtf8AreNamed() throws IOException {
            Path file = store().path();
            byte[] text = valid().getBytes(StandardCharsets.US_ASCII);
            text[text.length - 5] = (byte) 0xff;
            Files.write(file, text);

            assertUnreadable(file, "it is not UTF-8 text");
        }

        @Test
        void aCompareAndSetOnAnUnreadableFileThrowsAndLeavesItAlone() throws IOException {
            String text = valid().replace("version=4", "version=four");
            Path file = plant(text);

            assertThatIllegalStateException().isThrownBy(() -> store().compareAndSet(4, FIFTH))
                    .withMessageContaining(file.toString()).withMessageContaining("the version is not a number");

            assertThat(Files.readString(file)).isEqualTo(text);
        }

        @Test
        void aFileThatCannotBeReadIsNamedWithTheOperation() throws IOException {
            Path file = store().path();
            Files.createDirectory(file);

            assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> store().load())
                    .withMessage("Cannot read the token file " + file).withCauseInstanceOf(IOException.class);
        }

        @Test
        void aFileThatCannotBeWrittenIsNamedWithTheOperationAndStaysAsItWas() throws IOException {
            FileTokenStore store = store();
            store.compareAndSet(0, FULL);
            // a leftover that cannot be removed: a directory with something in it
            Files.createDirectories(directory.resolve(store.path().getFileName() + ".1.tmp/inside"));

            assertThatExceptionOfType(UncheckedIOException.class)
                    .isThrownBy(() -> store.compareAndSet(1, SECOND))
                    .withMessage("Cannot write the token file " + store.path()).withCauseInstanceOf(IOException.class);

            assertThat(store.load()).contains(FULL);
        }

        @Test
        void aDirectoryThatCannotBeCreatedIsNamedWithTheOperation() throws IOException {
            Path notADirectory = Files.writeString(directory.resolve("file"), "");
            FileTokenStore store = new FileTokenStore(notADirectory, CLIENT_KEY, USERNAME);

            assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> store.compareAndSet(0, FULL))
                    .withMessage("Cannot lock " + store.path() + ".lock");
        }

        private void assertUnreadable(Path file, String problem) {
            assertThatIllegalStateException().isThrownBy(() -> store().load())
                    .withMessage("The token file " + file + " is not a token file of this account (" + problem
                            + "); delete it to start again from the configured refresh token or login")
                    .withNoCause()
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(SECRET_REFRESH, SECRET_ACCESS, "PLANTED"));
        }
    }

    @Nested
    class Claims {

        @Test
        void aClaimReadsTheStateAndStoresWithoutLockingAgain() {
            FileTokenStore store = store();
            store.compareAndSet(0, FULL);

            try (LockingTokenStore.Claim claim = store.claim(Duration.ZERO).orElseThrow()) {
                assertThat(claim.current()).contains(FULL);
                assertThat(claim.compareAndSet(1, StoredTokens.ofRefreshToken("refresh-2", 2))).isTrue();
                assertThat(claim.compareAndSet(1, StoredTokens.ofRefreshToken("stale", 2))).isFalse();
                assertThat(claim.compareAndSet(2, StoredTokens.ofRefreshToken("refresh-3", 3))).isTrue();
                assertThat(claim.current()).as("the state when it was granted").contains(FULL);
            }

            assertThat(store.load()).contains(StoredTokens.ofRefreshToken("refresh-3", 3));
        }

        @Test
        void aClaimOnAnEmptyStoreStoresTheFirstState() {
            try (LockingTokenStore.Claim claim = store().claim(Duration.ZERO).orElseThrow()) {
                assertThat(claim.current()).isEmpty();
                assertThat(claim.compareAndSet(0, FULL)).isTrue();
            }

            assertThat(store().load()).contains(FULL);
        }

        @Test
        void whileAClaimIsOpenOtherClaimsWaitInVainAndCompareAndSetsTooThenTheyAreGranted() throws Exception {
            FileTokenStore other = new FileTokenStore(directory, CLIENT_KEY, USERNAME, Duration.ofMillis(100));

            try (LockingTokenStore.Claim claim = store().claim(Duration.ZERO).orElseThrow()) {
                long start = System.nanoTime();
                assertThat(CompletableFuture.supplyAsync(() -> other.claim(Duration.ofMillis(200))).get())
                        .isEmpty();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
                assertThat(CompletableFuture.supplyAsync(() -> {
                    try {
                        return other.compareAndSet(0, FULL);
                    } catch (IllegalStateException e) {
                        return e.getMessage();
                    }
                }).get()).isEqualTo("The lock " + other.path() + ".lock was held by others for PT0.1S: nothing stored");
                assertThat(claim.compareAndSet(0, FULL)).isTrue();
            }

            assertThat(CompletableFuture.supplyAsync(() -> other.claim(Duration.ZERO)).get())
                    .hasValueSatisfying(claim -> {
                        assertThat(claim.current()).contains(FULL);
                        claim.close();
                    });
        }

        @Test
        void aClaimThatWaitsIsGrantedWhenTheHolderClosesItsOwn() throws Exception {
            LockingTokenStore.Claim first = store().claim(Duration.ZERO).orElseThrow();
            CompletableFuture<Optional<LockingTokenStore.Claim>> second = CompletableFuture
                    .supplyAsync(() -> store().claim(Duration.ofSeconds(20)));
            Thread.sleep(50);
            assertThat(second).isNotDone();

            first.compareAndSet(0, FULL);
            first.close();

            try (LockingTokenStore.Claim claim = second.get(20, TimeUnit.SECONDS).orElseThrow()) {
                assertThat(claim.current()).contains(FULL);
            }
        }

        @Test
        void aClaimMayBeClosedByAnotherThreadAndOnlyOnce() throws Exception {
            LockingTokenStore.Claim claim = store().claim(Duration.ZERO).orElseThrow();

            CompletableFuture.runAsync(claim::close).get();
            claim.close();

            assertThatIllegalStateException().isThrownBy(() -> claim.compareAndSet(0, FULL))
                    .withMessage("The claim on " + store().path() + " is closed: nothing stored");
            try (LockingTokenStore.Claim again = store().claim(Duration.ZERO).orElseThrow()) {
                assertThat(again.current()).isEmpty();
            }
            assertThat(store().load()).isEmpty();
        }

        @Test
        void theThreadThatHoldsAClaimStoresThroughItNotAroundIt() {
            FileTokenStore store = store();

            try (LockingTokenStore.Claim claim = store.claim(Duration.ZERO).orElseThrow()) {
                assertThatIllegalStateException().isThrownBy(() -> store.compareAndSet(0, FULL))
                        .withMessageContaining("holds the lock");
                assertThatIllegalStateException().isThrownBy(() -> store.claim(Duration.ofSeconds(1)))
                        .withMessageContaining("holds the lock");
                assertThat(claim.compareAndSet(0, FULL)).isTrue();
            }
        }

        @Test
        void anInterruptedWaitGrantsNoClaimAndKeepsTheInterrupt() throws Exception {
            LockingTokenStore.Claim held = store().claim(Duration.ZERO).orElseThrow();
            try {
                CompletableFuture<String> waiter = CompletableFuture.supplyAsync(() -> {
                    Thread.currentThread().interrupt();
                    Optional<LockingTokenStore.Claim> claim = store().claim(Duration.ofSeconds(20));
                    boolean interrupted = Thread.interrupted();
                    String cas;
                    Thread.currentThread().interrupt();
                    try {
                        cas = String.valueOf(store().compareAndSet(0, FULL));
                    } catch (IllegalStateException e) {
                        cas = e.getMessage();
                    }
                    return claim.isPresent() + " " + interrupted + " " + Thread.interrupted() + " " + cas;
                });

                assertThat(waiter.get(20, TimeUnit.SECONDS)).isEqualTo("false true true Interrupted while waiting "
                        + "for the lock " + store().path() + ".lock: nothing stored");
            } finally {
                held.close();
            }
        }

        @Test
        void aClaimOnAnUnreadableFileThrowsAndHoldsNothing() throws IOException {
            Files.writeString(store().path(), "format=1\nPLANTED-SECRET\n");

            assertThatIllegalStateException().isThrownBy(() -> store().claim(Duration.ZERO))
                    .withMessageContaining("line 2: not a key=value line")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("PLANTED"));

            Files.delete(store().path());
            try (LockingTokenStore.Claim claim = store().claim(Duration.ZERO).orElseThrow()) {
                assertThat(claim.current()).isEmpty();
            }
        }
    }

    /**
     * Another JVM on the same file, as another server of the host. Real time: each test starts a JVM and waits for
     * what it says (so the mutation run leaves them out).
     */
    @Nested
    @RealTime
    class AcrossProcesses {

        @Test
        void aClaimOfAnotherProcessKeepsClaimsAndCompareAndSetsWaitingUntilItIsReleased() throws Exception {
            FileTokenStore impatient = new FileTokenStore(directory, CLIENT_KEY, USERNAME, Duration.ofMillis(100));
            try (ChildJvm child = ChildJvm.start("claim", directory, CLIENT_KEY, USERNAME)) {
                child.awaitLine("CLAIMED");

                long start = System.nanoTime();
                assertThat(store().claim(Duration.ofMillis(200))).isEmpty();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
                assertThatIllegalStateException().isThrownBy(() -> impatient.compareAndSet(0, FULL))
                        .withMessageContaining("was held by others");

                child.tell("release");
                child.awaitLine("RELEASED");
                assertThat(child.awaitExit()).isZero();
            }

            try (LockingTokenStore.Claim claim = store().claim(Duration.ZERO).orElseThrow()) {
                assertThat(claim.compareAndSet(0, FULL)).isTrue();
            }
            assertThat(impatient.load()).contains(FULL);
        }

        @Test
        void aClaimOfAProcessKilledWhileHoldingItIsReleasedByTheOperatingSystem() throws Exception {
            try (ChildJvm child = ChildJvm.start("claim", directory, CLIENT_KEY, USERNAME)) {
                child.awaitLine("CLAIMED");
                assertThat(store().claim(Duration.ofMillis(200))).isEmpty();

                child.kill();
            }

            // it would never be released otherwise
            try (LockingTokenStore.Claim claim = store().claim(Duration.ofSeconds(2)).orElseThrow()) {
                assertThat(claim.current()).isEmpty();
            }
        }

        @Test
        void aWriterKilledAtAnyMomentLeavesTheOldStateOrTheNewOne() throws Exception {
            Random random = new Random();
            long last = 0;
            for (int kill = 1; kill <= 4; kill++) {
                try (ChildJvm child = ChildJvm.start("write", directory, CLIENT_KEY, USERNAME)) {
                    child.awaitLine("WRITING");
                    Thread.sleep(random.nextInt(40)); // a moment within its stream of writes

                    child.kill();
                }

                StoredTokens stored = store().load().orElseThrow();
                assertThat(stored).as("after kill %d", kill).isEqualTo(StoreChild.written(stored.version()));
                assertThat(stored.version()).as("after kill %d", kill).isGreaterThan(last);
                last = stored.version();
                assertThat(leftovers()).as("after kill %d", kill).hasSizeLessThanOrEqualTo(1);
            }

            assertThat(store().compareAndSet(last, StoreChild.written(last + 1))).isTrue();
            assertThat(leftovers()).isEmpty();
        }

        @Test
        void processesRacingOnOneFileWinEachVersionOnce() throws Exception {
            List<Long> childWins = new ArrayList<>();
            CasRace.Outcome outcome;
            try (ChildJvm child = ChildJvm.start("race", directory, CLIENT_KEY, USERNAME, "200")) {
                outcome = CasRace.run(store(), 4, 50);
                for (String line = child.nextLine(Duration.ofSeconds(30)); !"DONE".equals(line); line = child
                        .nextLine(Duration.ofSeconds(30))) {
                    assertThat(line).startsWith("WON ");
                    childWins.add(Long.parseLong(line.substring(4)));
                }
            }

            assertThat(outcome.failures()).isEmpty();
            assertThat(outcome.winners().values()).allSatisfy(winners -> assertThat(winners).hasSize(1));
            List<Long> allWins = new ArrayList<>(childWins);
            allWins.addAll(outcome.winners().keySet());
            long total = store().load().orElseThrow().version();
            assertThat(allWins).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        }

        private List<String> leftovers() throws IOException {
            return names(directory).stream().filter(name -> name.endsWith(".tmp")).toList();
        }
    }
}
