package ch.ticketpark.client.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue ({@link ConfigKey}) and {@code docs/configuration.md} list the same keys, with the same defaults and
 * the same secrets.
 */
class ConfigCatalogueTest {

    /** Surefire runs in the module's folder. */
    private static final Path DOC = Path.of("..", "docs", "configuration.md");
    private static final List<String> KEY_TABLE_HEADER = List.of("key", "default", "secret", "meaning");
    /** A key name in the text; not the end of a host or package name such as {@code api.ticketpark.ch}. */
    private static final Pattern TICKETPARK_KEY = Pattern.compile("(?<![\\w.])ticketpark(?:\\.[a-z][a-z-]*)+");

    private static String doc;
    private static List<List<List<String>>> tables;

    @BeforeAll
    static void readDoc() throws IOException {
        doc = Files.readString(DOC);
        tables = tables(doc);
    }

    @Test
    void everyKeyIsDocumentedOnceWithItsDefaultAndWhetherItIsSecret() {
        Map<String, List<String>> rows = keyTable();

        assertThat(rows.keySet()).as("the keys of the table in %s, in catalogue order", DOC)
                .containsExactly(Arrays.stream(ConfigKey.values()).map(ConfigKey::key).toArray(String[]::new));
        for (ConfigKey key : ConfigKey.values()) {
            List<String> row = rows.get(key.key());
            assertThat(plain(row.get(1))).as("default of %s in %s", key.key(), DOC)
                    .isEqualTo(key.defaultValue().text());
            assertThat(row.get(2)).as("secret column of %s in %s", key.key(), DOC)
                    .isEqualTo(key.secret() ? "yes" : "no");
        }
    }

    @Test
    void theDocumentationNamesNoKeyTheCatalogueLacks() {
        TreeSet<String> named = new TreeSet<>();
        Matcher matcher = TICKETPARK_KEY.matcher(doc);
        while (matcher.find()) {
            named.add(matcher.group());
        }

        assertThat(named).as("ticketpark.* keys named in %s", DOC).isNotEmpty()
                .allSatisfy(name -> assertThat(catalogued(name)).as("%s is in ConfigKey", name).isTrue());
    }

    @Test
    void everySecretIsShownAsAnEnvironmentVariable() {
        for (ConfigKey key : ConfigKey.values()) {
            if (key.secret()) {
                // MicroProfile Config's mapping: every character but letters and digits to '_', upper case
                String variable = key.key().replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
                assertThat(doc).as("environment variable of %s in %s", key.key(), DOC).contains("`" + variable + "`");
            }
        }
    }

    @Test
    void everyKeyButTheRestClientUrlHasThePrefix() {
        for (ConfigKey key : ConfigKey.values()) {
            if (key != ConfigKey.API_URL) {
                assertThat(key.key()).startsWith(TicketparkConfig.PREFIX);
            }
        }
    }

    private static boolean catalogued(String name) {
        return Arrays.stream(ConfigKey.values()).anyMatch(key -> key.key().equals(name));
    }

    /** The rows of the table headed key, default, secret, meaning, by key. */
    private static Map<String, List<String>> keyTable() {
        List<List<List<String>>> found = tables.stream().filter(table -> table.get(0).equals(KEY_TABLE_HEADER))
                .toList();
        assertThat(found).as("tables headed %s in %s", KEY_TABLE_HEADER, DOC).hasSize(1);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (List<String> row : found.get(0).subList(2, found.get(0).size())) {
            assertThat(row).as("a row of the key table").hasSize(KEY_TABLE_HEADER.size());
            assertThat(rows.put(plain(row.get(0)), row)).as("second row for %s", row.get(0)).isNull();
        }
        return rows;
    }

    /** Every Markdown table: its lines (header, separator, rows), each as its cells. */
    private static List<List<List<String>>> tables(String markdown) {
        List<List<List<String>>> tables = new ArrayList<>();
        List<List<String>> table = null;
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("|")) {
                table = null;
                continue;
            }
            if (table == null) {
                table = new ArrayList<>();
                tables.add(table);
            }
            table.add(Arrays.stream(line.strip().substring(1).split("(?<!\\\\)\\|")).map(String::strip).toList());
        }
        return tables;
    }

    private static String plain(String cell) {
        return cell.replace("`", "");
    }
}
