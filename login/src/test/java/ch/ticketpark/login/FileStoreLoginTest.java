package ch.ticketpark.login;

import static ch.ticketpark.login.LoginFixtures.ACCESS_1;
import static ch.ticketpark.login.LoginFixtures.ACCESS_2;
import static ch.ticketpark.login.LoginFixtures.CLIENT_KEY;
import static ch.ticketpark.login.LoginFixtures.PLANTED;
import static ch.ticketpark.login.LoginFixtures.REFRESH_1;
import static ch.ticketpark.login.LoginFixtures.REFRESH_2;
import static ch.ticketpark.login.LoginFixtures.SECRETS_TYPED;
import static ch.ticketpark.login.LoginFixtures.TOKEN_PATH;
import static ch.ticketpark.login.LoginFixtures.USERNAME;
import static ch.ticketpark.login.LoginFixtures.args;
import static ch.ticketpark.login.LoginFixtures.token;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import ch.ticketpark.client.internal.store.FileTokenStore;
import ch.ticketpark.client.spi.StoredTokens;

/**
 * {@code --store file}: the account's token file lands in the directory the application reads, owner-only, and a
 * later login replaces whatever state is stored there.
 */
class FileStoreLoginTest {

    @RegisterExtension
    static final WireMockExtension SERVER = LoginFixtures.wireMock();

    @TempDir
    Path temp;

    @Test
    void theRefreshTokenLandsInTheAccountsFileOwnerOnlyAsVersionOne() throws IOException {
        Path directory = temp.resolve("tokens");
        SERVER.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token(ACCESS_1, REFRESH_1)));

        LoginRun run = login(directory);

        assertThat(run.exitCode()).as(run.err()).isZero();
        FileTokenStore store = new FileTokenStore(directory, CLIENT_KEY, USERNAME);
        assertThat(store.load()).contains(StoredTokens.ofRefreshToken(REFRESH_1, 1));
        assertThat(run.out()).isEqualTo("Stored a new refresh token as version 1 in " + store.path()
                + System.lineSeparator());
        assertThat(run.output()).doesNotContain(PLANTED);
        assertThat(Files.getPosixFilePermissions(store.path()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aSecondLoginReplacesTheStateAsVersionTwo() {
        SERVER.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token(ACCESS_1, REFRESH_1)));
        assertThat(login(temp).exitCode()).isZero();
        SERVER.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token(ACCESS_2, REFRESH_2)));

        LoginRun run = login(temp);

        assertThat(run.exitCode()).as(run.err()).isZero();
        FileTokenStore store = new FileTokenStore(temp, CLIENT_KEY, USERNAME);
        assertThat(store.load()).contains(StoredTokens.ofRefreshToken(REFRESH_2, 2));
        assertThat(run.out()).isEqualTo("Stored a new refresh token as version 2 in " + store.path()
                + ", replacing version 1" + System.lineSeparator());
        assertThat(run.output()).doesNotContain(PLANTED);
    }

    @Test
    void aStateTheApplicationKeptRunningIsReplacedWithoutItsAccessToken() {
        FileTokenStore store = new FileTokenStore(temp, CLIENT_KEY, USERNAME);
        Instant obtained = Instant.parse("2026-12-01T10:00:00Z");
        store.compareAndSet(0, StoredTokens.ofRefreshToken("dead-" + REFRESH_1, 1));
        store.compareAndSet(1, new StoredTokens("dead-" + REFRESH_2, ACCESS_1, obtained, obtained.plusSeconds(3600),
                2));
        SERVER.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token(ACCESS_2, REFRESH_2)));

        LoginRun run = login(temp);

        assertThat(run.exitCode()).as(run.err()).isZero();
        Optional<StoredTokens> state = store.load();
        assertThat(state).contains(StoredTokens.ofRefreshToken(REFRESH_2, 3));
        assertThat(state.get().hasAccessToken()).isFalse();
    }

    @Test
    void aDirectoryTheStoreCannotUseStopsTheLoginBeforeThePasswordIsSent() throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("file"), "not a directory");
        SERVER.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token(ACCESS_1, REFRESH_1)));

        LoginRun run = login(notADirectory);

        assertThat(run.exitCode()).isEqualTo(Failure.FAILED);
        assertThat(run.err()).contains("Cannot use the token store: Cannot read the token file "
                + notADirectory.toAbsolutePath().resolve("ticketpark-")).contains("Not a directory)")
                .contains("; nothing sent");
        assertThat(run.output()).doesNotContain(PLANTED);
        assertThat(SERVER.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aFileThatIsNoTokenFileOfTheAccountStopsTheLoginBeforeThePasswordIsSent() throws IOException {
        FileTokenStore store = new FileTokenStore(temp, CLIENT_KEY, USERNAME);
        Files.writeString(store.path(), "garbage " + REFRESH_1);

        LoginRun run = login(temp);

        assertThat(run.exitCode()).isEqualTo(Failure.FAILED);
        assertThat(run.err()).contains("Cannot use the token store: The token file " + store.path()
                + " is not a token file of this account");
        assertThat(run.output()).doesNotContain(PLANTED);
        assertThat(SERVER.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    private static LoginRun login(Path directory) {
        return LoginRun.of(SECRETS_TYPED, args(SERVER, "--store", "file", "--directory", directory.toString()));
    }
}
