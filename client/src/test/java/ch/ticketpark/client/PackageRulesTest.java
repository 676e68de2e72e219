package ch.ticketpark.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package rules of the library (see each {@code package-info.java}): public packages never reach into
 * {@code internal}; inside {@code internal} dependencies point one way, {@code rest → token → resilience, config, observe →
 * internal → public}, {@code token → store → spi}, {@code token → observe → internal} and {@code webhook → config, internal}: the built-in token stores depend on the SPI and the JDK only;
 * no package cycles.
 */
class PackageRulesTest {

    private static final String BASE = "ch.ticketpark.client";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
        assertThat(classes).as("classes imported").hasSizeGreaterThan(50);
    }

    @Test
    void publicPackagesNeverDependOnInternal() {
        noClasses().that().resideOutsideOfPackage(BASE + ".internal..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".internal..")
                .check(classes);
    }

    @Test
    void internalDependenciesPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("public").definedBy(BASE, BASE + ".api..", BASE + ".exception..", BASE + ".model..",
                        BASE + ".spi..", BASE + ".status..", BASE + ".webhook..")
                .layer("internal").definedBy(BASE + ".internal")
                .layer("config").definedBy(BASE + ".internal.config..")
                .layer("resilience").definedBy(BASE + ".internal.resilience..")
                .layer("store").definedBy(BASE + ".internal.store..")
                .layer("observe").definedBy(BASE + ".internal.observe..")
                .layer("health").definedBy(BASE + ".internal.health..")
                .layer("otel").definedBy(BASE + ".internal.otel..")
                .layer("token").definedBy(BASE + ".internal.token..")
                .layer("rest").definedBy(BASE + ".internal.rest..")
                .layer("webhook").definedBy(BASE + ".internal.webhook..")
                .whereLayer("webhook").mayNotBeAccessedByAnyLayer()
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("health").mayNotBeAccessedByAnyLayer()
                .whereLayer("token").mayOnlyBeAccessedByLayers("rest")
                .whereLayer("resilience").mayOnlyBeAccessedByLayers("token")
                .whereLayer("config").mayOnlyBeAccessedByLayers("token", "rest", "webhook")
                .whereLayer("store").mayOnlyBeAccessedByLayers("token")
                .whereLayer("observe").mayOnlyBeAccessedByLayers("token", "rest", "otel", "webhook")
                .whereLayer("otel").mayOnlyBeAccessedByLayers("token", "webhook")
                .whereLayer("internal").mayOnlyBeAccessedByLayers("config", "resilience", "observe", "token", "rest",
                        "webhook")
                .check(classes);
    }

    @Test
    void tokenStoresUseTheSpiAndTheJdkOnly() {
        // javax.sql: the jdbc store's DataSource
        noClasses().that().resideInAPackage(BASE + ".internal.store..")
                .should().dependOnClassesThat().resideOutsideOfPackages(BASE + ".internal.store..", BASE + ".spi..",
                        "java..", "javax.sql..")
                .check(classes);
    }

    @Test
    void exceptionsAndModelStandAlone() {
        noClasses().that().resideInAPackage(BASE + ".exception..")
                .should().dependOnClassesThat().resideOutsideOfPackages(BASE + ".exception..", "java..")
                .check(classes);
        noClasses().that().resideInAPackage(BASE + ".model..")
                .should().dependOnClassesThat().resideOutsideOfPackages(BASE + ".model..", "java..", "jakarta..")
                .check(classes);
    }

    /** Optional APIs stay in their package, which beans.xml leaves out where the API is missing. */
    @Test
    void onlyTheHealthPackageNamesMicroProfileHealth() {
        noClasses().that().resideOutsideOfPackage(BASE + ".internal.health..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.microprofile.health..")
                .check(classes);
        noClasses().that().resideInAPackage(BASE + ".internal.health..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".internal")
                .orShould().dependOnClassesThat().resideInAnyPackage(BASE + ".internal.token..",
                        BASE + ".internal.observe..", BASE + ".internal.config..")
                .check(classes);
    }

    @Test
    void onlyTheTelemetryPackageNamesOpenTelemetryAndOnlyItsBindingLoadsIt() {
        noClasses().that().resideOutsideOfPackage(BASE + ".internal.otel..")
                .should().dependOnClassesThat().resideInAPackage("io.opentelemetry..")
                .check(classes);
        noClasses().that().haveFullyQualifiedName(BASE + ".internal.otel.Telemetry")
                .should().dependOnClassesThat().resideInAPackage("io.opentelemetry..")
                .check(classes);
    }

    @Test
    void webhookEventsHoldOnlyTheModel() {
        noClasses().that().resideInAPackage(BASE + ".webhook..")
                .should().dependOnClassesThat().resideOutsideOfPackages(BASE + ".webhook..", BASE + ".model..",
                        "java..")
                .check(classes);
    }

    /** The servlet API only where webhooks are received: a library bean that named it would not load without it. */
    @Test
    void onlyTheWebhookPackageNamesTheServletApi() {
        noClasses().that().resideOutsideOfPackage(BASE + ".internal.webhook..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..")
                .check(classes);
    }

    @Test
    void statusAndEventsStandAlone() {
        noClasses().that().resideInAPackage(BASE + ".status..")
                .should().dependOnClassesThat().resideOutsideOfPackages(BASE + ".status..", "java..")
                .check(classes);
    }

    @Test
    void typedClientsUseOnlyTheEntryPointsTheModelAndTheExceptions() {
        noClasses().that().resideInAPackage(BASE + ".api..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".spi..", BASE + ".internal..")
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
        slices().matching(BASE + ".internal.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void everyPackageSaysWhatLivesThere() throws IOException {
        Path main = Path.of("src/main/java");
        Path test = Path.of("src/test/java");
        // a test-only package (fixtures) needs its own; the others share the main one
        List<Path> missing = Stream.concat(packages(main), packages(test)
                .filter(folder -> !Files.isDirectory(main.resolve(test.relativize(folder)))))
                .filter(folder -> !Files.exists(folder.resolve("package-info.java")))
                .toList();
        assertThat(missing).as("packages without package-info.java").isEmpty();
    }

    private static Stream<Path> packages(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isDirectory).filter(PackageRulesTest::holdsJavaFiles).toList().stream();
        }
    }

    private static boolean holdsJavaFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
