package docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link of the repository's Markdown files (README, {@code docs/}, {@code sandbox/README.md}, …) leads
 * to a file that exists, and every {@code #anchor} to a heading of its target; links to {@code http(s)} are not
 * followed. The other tests prove that the check can fail.
 */
class DocsLinksTest {

    /** Surefire runs in the module's folder, {@code liberty/}: the repository is its parent. */
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path repo;

    @Test
    void everyRelativeLinkOfTheDocsResolves() {
        List<Path> files = MarkdownLinks.markdownFiles(REPOSITORY);

        assertThat(REPOSITORY.resolve("pom.xml")).as("the repository root").exists();
        assertThat(files).as("Markdown files of the repository")
                .contains(REPOSITORY.resolve("README.md"), REPOSITORY.resolve("sandbox/README.md"),
                        REPOSITORY.resolve("docs/typed-api.md"), REPOSITORY.resolve("docs/token-lifecycle.md"),
                        REPOSITORY.resolve("docs/operating.md"));
        assertThat(MarkdownLinks.check(REPOSITORY, files)).as("links that lead nowhere").isEmpty();
    }

    @Test
    void findsAMissingFileAMissingHeadingAndALinkOutOfTheRepository() throws IOException {
        write("docs/guide.md", """
                # Guide

                ## Failure behaviour
                """);
        write("README.md", """
                See the [guide](docs/guide.md), its [failures](docs/guide.md#failure-behaviour) and the
                [missing page](docs/missing.md), a [missing
                heading](docs/guide.md#no-such-heading), [outside](../elsewhere.md) and [here](#nowhere).
                """);

        List<MarkdownLinks.Broken> broken = MarkdownLinks.check(repo, MarkdownLinks.markdownFiles(repo));

        assertThat(broken).extracting(MarkdownLinks.Broken::target)
                .containsExactly("docs/missing.md", "docs/guide.md#no-such-heading", "../elsewhere.md", "#nowhere");
        assertThat(broken).extracting(MarkdownLinks.Broken::line).containsExactly(2, 2, 3, 3);
    }

    @Test
    void ignoresWebLinksCodeAndBuildOutput() throws IOException {
        write("README.md", """
                [site](https://api.ticketpark.ch/missing.md) [mail](mailto:someone@example.com)
                `[not a link](missing.md)`

                ```markdown
                [not a link either](missing.md)
                ```
                """);
        write("client/target/copied.md", "[stale](missing.md)\n");
        write(".idea/notes.md", "[hidden](missing.md)\n");

        assertThat(MarkdownLinks.markdownFiles(repo)).containsExactly(repo.resolve("README.md"));
        assertThat(MarkdownLinks.check(repo, MarkdownLinks.markdownFiles(repo))).isEmpty();
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertThat(MarkdownLinks.slug("The password grant, and running without a password"))
                .isEqualTo("the-password-grant-and-running-without-a-password");
        assertThat(MarkdownLinks.slug("Sandbox configuration (MicroProfile Config, e.g. server.xml `<variable>`s)"))
                .isEqualTo("sandbox-configuration-microprofile-config-eg-serverxml-variables");
        assertThat(MarkdownLinks.slug("Run [the tests](x.md) with `mvn_test` -- now"))
                .isEqualTo("run-the-tests-with-mvn_test----now");
        assertThat(MarkdownLinks.slug("Zürich: Überblick")).isEqualTo("zürich-überblick");
        assertThat(MarkdownLinks.anchors(List.of("# Notes", "## Notes", "```", "# Not a heading", "```", "## Notes")))
                .containsExactly("notes", "notes-1", "notes-2");
    }

    private void write(String file, String content) throws IOException {
        Path path = repo.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }
}
