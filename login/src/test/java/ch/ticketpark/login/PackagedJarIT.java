package ch.ticketpark.login;

import static ch.ticketpark.login.LoginFixtures.ACCESS_1;
import static ch.ticketpark.login.LoginFixtures.BASIC;
import static ch.ticketpark.login.LoginFixtures.CLIENT_KEY;
import static ch.ticketpark.login.LoginFixtures.PASSWORD;
import static ch.ticketpark.login.LoginFixtures.PLANTED;
import static ch.ticketpark.login.LoginFixtures.REFRESH_1;
import static ch.ticketpark.login.LoginFixtures.SECRETS_TYPED;
import static ch.ticketpark.login.LoginFixtures.TOKEN_PATH;
import static ch.ticketpark.login.LoginFixtures.USERNAME;
import static ch.ticketpark.login.LoginFixtures.form;
import static ch.ticketpark.login.LoginFixtures.token;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The shaded jar as the operator runs it, in a child JVM ({@code java -jar}): it starts, carries JSON-P and the
 * PostgreSQL driver (found by ServiceLoader: their service files survived the shading), and trusts a private CA given
 * with the standard {@code -Djavax.net.ssl.trustStore}. Failsafe runs it after the package phase; without the jar
 * (a run from the IDE before packaging) it is skipped.
 */
@Tag("packaged-jar")
class PackagedJarIT {

    private static final String STORE_PASSWORD = "changeit";

    private static Path jar;

    @TempDir
    Path temp;

    @BeforeAll
    static void findTheJar() throws IOException {
        Path target = Path.of("target");
        Optional<Path> shaded = Optional.empty();
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                shaded = files.filter(file -> file.getFileName().toString().matches("ticketpark-login-.*\\.jar"))
                        .findFirst();
            }
        }
        assumeTrue(shaded.isPresent(), "no packaged jar in target/: run the package phase first");
        jar = shaded.get();
    }

    @Test
    void helpPrintsTheUsage() throws Exception {
        Child child = run("", List.of(), "--help");

        assertThat(child.exitCode()).as(child.err()).isZero();
        assertThat(child.out()).isEqualTo(Arguments.USAGE);
    }

    @Test
    void aSecretArgumentIsRefusedWithExitCodeTwo() throws Exception {
        Child child = run(SECRETS_TYPED, List.of(), "--client-key", CLIENT_KEY, "--username", USERNAME, "--print",
                "--password", PASSWORD);

        assertThat(child.exitCode()).isEqualTo(2);
        assertThat(child.err()).startsWith("--password is refused");
        assertThat(child.out() + child.err()).doesNotContain(PLANTED);
    }

    @Test
    void printObtainsTheTokenOverHttpsFromAnEndpointOfAPrivateCaGivenAsTrustStore() throws Exception {
        Path keyStore = temp.resolve("endpoint.p12");
        Path trustStore = temp.resolve("trust.p12");
        privateCa(keyStore, trustStore);
        WireMockServer endpoint = new WireMockServer(wireMockConfig().dynamicPort().dynamicHttpsPort()
                .keystorePath(keyStore.toString()).keystoreType("PKCS12").keystorePassword(STORE_PASSWORD)
                .keyManagerPassword(STORE_PASSWORD));
        endpoint.start();
        try {
            endpoint.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token(ACCESS_1, REFRESH_1)));

            Child child = run(SECRETS_TYPED, List.of("-Djavax.net.ssl.trustStore=" + trustStore,
                    "-Djavax.net.ssl.trustStorePassword=" + STORE_PASSWORD), "--token-url",
                    "https://localhost:" + endpoint.httpsPort() + TOKEN_PATH, "--client-key", CLIENT_KEY,
                    "--username", USERNAME, "--print");

            assertThat(child.exitCode()).as(child.err()).isZero();
            assertThat(child.out()).isEqualTo(REFRESH_1 + System.lineSeparator());
            List<LoggedRequest> requests = endpoint.findAll(anyRequestedFor(anyUrl()));
            assertThat(requests).hasSize(1);
            assertThat(requests.get(0).getHeader("Authorization")).isEqualTo(BASIC);
            assertThat(form(requests.get(0).getBodyAsString())).contains(entry("password", PASSWORD));
        } finally {
            endpoint.stop();
        }
    }

    @Test
    void theJarBringsThePostgresqlDriver() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Child child = run(SECRETS_TYPED + "\n", List.of(), "--token-url", "http://localhost:1" + TOKEN_PATH,
                "--client-key", CLIENT_KEY, "--username", USERNAME, "--store", "jdbc", "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "--jdbc-user", "postgres");

        // the driver took the URL and found nobody listening; without it the exit code would be 2 (no driver)
        assertThat(child.exitCode()).as(child.err()).isEqualTo(1);
        assertThat(child.err()).contains("(org.postgresql.util.PSQLException, caused by java.net.ConnectException)")
                .contains(" - cannot connect to the database; nothing sent");
    }

    /** A key pair for {@code localhost} in {@code keyStore}, its certificate alone in {@code trustStore}. */
    private void privateCa(Path keyStore, Path trustStore) throws Exception {
        Path certificate = temp.resolve("endpoint.cer");
        keytool("-genkeypair", "-alias", "endpoint", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore",
                keyStore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "endpoint", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "endpoint", "-file", certificate.toString(), "-keystore",
                trustStore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
    }

    private void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Child child = start(command, "");
        assertThat(child.exitCode()).as(child.out() + child.err()).isZero();
    }

    private Child run(String stdin, List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return start(command, stdin);
    }

    private Child start(List<String> command, String stdin) throws Exception {
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        try (OutputStream input = process.getOutputStream()) {
            input.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(45, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 45 s: " + command.get(command.size() - 1));
        }
        return new Child(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** What a child process left. */
    private record Child(int exitCode, String out, String err) {
    }
}
