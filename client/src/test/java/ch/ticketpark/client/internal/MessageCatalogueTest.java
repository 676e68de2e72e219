package ch.ticketpark.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ch.ticketpark.client.internal.config.TicketparkConfig;

/**
 * The one message catalogue ({@code ch/ticketpark/client/messages.properties}) against the sources that use it and
 * {@code docs/messages.md} that explains it.
 */
class MessageCatalogueTest {

    private static final String RESOURCE = "/" + Messages.CATALOGUE.replace('.', '/') + ".properties";
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../liberty/src/main/java"));
    private static final Path DOCS = Path.of("../docs/messages.md");

    private static final Pattern CODE = Pattern.compile("TPC\\d{4}");
    private static final Pattern RANGE = Pattern.compile("# @range (TPC\\d{4})-(TPC\\d{4}): \\S.*");
    private static final Pattern KEY = Pattern.compile("([^=:\\s]+)\\s*[=:].*");
    private static final Pattern DOCS_ROW = Pattern.compile("\\| `(TPC\\d{4})` \\|.*");
    private static final Pattern CONFIG_KEY = Pattern.compile("ticketpark(?:(?:\\.[a-z-]+)+|/mp-rest/[A-Za-z]+)");

    private static List<Entry> entries;
    private static List<Range> ranges;
    private static Properties templates;

    record Range(String from, String to) {

        boolean holds(String code) {
            return code.compareTo(from) >= 0 && code.compareTo(to) <= 0;
        }

        @Override
        public String toString() {
            return from + "-" + to;
        }
    }

    /** One key of the file, with its line and the range it was written under ({@code null} before the first). */
    record Entry(String code, int line, Range range) {
    }

    @BeforeAll
    static void readTheCatalogue() throws IOException {
        String text;
        try (InputStream in = MessageCatalogueTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " on the class path").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        templates = new Properties();
        templates.load(new StringReader(text));
        entries = new ArrayList<>();
        ranges = new ArrayList<>();
        Range range = null;
        boolean continued = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean continuation = continued;
            continued = false;
            if (continuation) {
                continued = endsWithContinuation(line);
            } else if (line.startsWith("#") || line.startsWith("!")) {
                if (line.startsWith("# @range")) {
                    Matcher matcher = RANGE.matcher(line);
                    assertThat(matcher.matches()).as("line %d: '# @range TPCaaaa-TPCbbbb: what'", i + 1).isTrue();
                    range = new Range(matcher.group(1), matcher.group(2));
                    ranges.add(range);
                }
            } else if (!line.isBlank()) {
                Matcher key = KEY.matcher(line);
                assertThat(key.matches()).as("line %d: a key, '=' and a template", i + 1).isTrue();
                entries.add(new Entry(key.group(1), i + 1, range));
                continued = endsWithContinuation(line);
            }
        }
    }

    private static boolean endsWithContinuation(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static Set<String> codes() {
        return entries.stream().map(Entry::code).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyCodeOfTheSourcesIsInTheCatalogueAndEveryEntryIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path root : SOURCES) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    CODE.matcher(Files.readString(file)).results().map(MatchResult::group).forEach(used::add);
                }
            }
        }
        assertThat(used).as("codes in the sources").hasSizeGreaterThan(40);
        assertThat(codes()).as("codes in the catalogue").isEqualTo(used);
    }

    @Test
    void everyKeyIsACodeDefinedOnce() {
        assertThat(entries).extracting(Entry::code).allMatch(code -> CODE.matcher(code).matches());
        Map<String, List<Integer>> lines = entries.stream().collect(Collectors.groupingBy(Entry::code,
                LinkedHashMap::new, Collectors.mapping(Entry::line, Collectors.toList())));
        assertThat(lines).as("lines of each code").allSatisfy((code, at) -> assertThat(at).as(code).hasSize(1));
    }

    @Test
    void everyCodeLiesInTheRangeItIsWrittenUnderInOrder() {
        assertThat(ranges).as("ranges").isNotEmpty();
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).from()).as("%s after %s", ranges.get(i), ranges.get(i - 1))
                    .isGreaterThan(ranges.get(i - 1).to());
        }
        assertThat(entries).allSatisfy(entry -> assertThat(entry.range())
                .as("%s (line %d) under a # @range", entry.code(), entry.line()).isNotNull()
                .matches(range -> range.holds(entry.code()), "holds " + entry.code()));
        List<String> inFileOrder = entries.stream().map(Entry::code).toList();
        assertThat(inFileOrder).as("codes in the order of the file").isSorted();
    }

    @Test
    void everyTemplateFormatsWithSampleArguments() {
        for (String code : codes()) {
            String template = templates.getProperty(code);
            assertThat(template).as(code).isNotBlank().isEqualTo(template.strip()).doesNotContain("  ");
            String rest = template.replace("%%", "").replace("%s", "");
            assertThat(rest).as("%s uses %%s and %%%% only", code).doesNotContain("%");
            int placeholders = (template.replace("%%", "").length() - rest.length()) / 2;
            Object[] samples = new Object[placeholders];
            for (int i = 0; i < placeholders; i++) {
                samples[i] = "<" + code + "-" + i + ">";
            }

            String message = Messages.format(code, samples);

            assertThat(message).isEqualTo(code + ": " + substituted(template, samples));
        }
    }

    /** The template with each {@code %s} replaced by the next sample and each {@code %%} by {@code %}. */
    private static String substituted(String template, Object[] samples) {
        StringBuilder text = new StringBuilder();
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '%') {
                i++;
                text.append(template.charAt(i) == 's' ? samples[next++] : "%");
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /** String.format drops an argument the template has no place for: every typed method's arguments must show. */
    @Test
    void everyTypedMessageShowsItsArguments() throws ReflectiveOperationException {
        Set<String> codes = new TreeSet<>();
        int methods = 0;
        for (Method method : Messages.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers()) || !Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            methods++;
            Object[] arguments = new Object[method.getParameterCount()];
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < arguments.length; i++) {
                Class<?> type = method.getParameterTypes()[i];
                Function<String, ?> sample = SAMPLES.get(type);
                assertThat(sample).as("a sample of %s for %s", type, method.getName()).isNotNull();
                arguments[i] = sample.apply("a" + i);
                if (type != Throwable.class) { // of a throwable, some messages show only the class name
                    expected.add(type == List.class ? "a" + i : String.valueOf(arguments[i]));
                }
            }

            String message = (String) method.invoke(null, arguments);

            Matcher code = Pattern.compile("(TPC\\d{4}): .+").matcher(message);
            assertThat(code.matches()).as(method.getName()).isTrue();
            codes.add(code.group(1));
            for (String value : expected) {
                assertThat(message).as(method.getName()).contains(value);
            }
        }
        assertThat(codes).as("one code per typed method, each in the catalogue").hasSize(methods)
                .isSubsetOf(codes());
    }

    private static final Map<Class<?>, Function<String, ?>> SAMPLES = Map.of(
            String.class, name -> "<" + name + " 100% it's>",
            int.class, name -> 1000 + name.hashCode() % 1000,
            long.class, name -> 5_000_000_000L + name.hashCode(),
            Duration.class, name -> Duration.ofSeconds(1000 + name.hashCode() % 1000),
            Instant.class, name -> Instant.ofEpochSecond(1_700_000_000L + name.hashCode()),
            List.class, name -> List.of(name),
            Throwable.class, name -> new IllegalStateException(name));

    @Test
    void theConfigurationKeysTheTemplatesNameExist() throws IllegalAccessException {
        Set<Object> keys = new TreeSet<>();
        for (Field field : TicketparkConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                keys.add(field.get(null));
            }
        }
        Set<String> named = new TreeSet<>();
        for (String code : codes()) {
            CONFIG_KEY.matcher(templates.getProperty(code)).results().map(MatchResult::group).forEach(named::add);
        }
        assertThat(named).as("keys named in the catalogue").isNotEmpty();
        assertThat(keys).as("TicketparkConfig keys").containsAll(named);
    }

    @Test
    void theDocsListEveryRangeAndEveryCodeOnce() throws IOException {
        assertThat(DOCS).as("docs/messages.md").exists();
        List<String> lines = Files.readAllLines(DOCS);
        String docs = String.join("\n", lines);
        assertThat(docs).as("the ranges").contains(ranges.stream().map(Range::toString).toList());
        List<String> rows = lines.stream().map(DOCS_ROW::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .toList();
        assertThat(rows).as("one table row per code, in order").containsExactlyElementsOf(codes());
    }
}
