package it;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The logic of {@link SecretScan}, without the build's paths, so that a unit test can prove it able to fail
 * ({@code SecretScannerTest}): searches folders for secrets, each folder for its own list, and reads the time span of
 * Liberty's trace (every file, rolled ones included) and of its application starts.
 */
final class SecretScanner {

    /** The size of the blocks a file is searched in. */
    private static final int BLOCK_CHARS = 16 * 1024 * 1024;

    /** Liberty's timestamp with {@code com.ibm.ws.logging.isoDateFormat=true}: {@code [2026-12-01T16:22:45.123+0000]}. */
    private static final Pattern ISO_LINE = Pattern.compile("^\\[(\\d{4}-\\d{2}-\\d{2}T[0-9:.]+[+-]\\d{4})\\]");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final String APP_STARTED = "CWWKZ0001I";
    private static final long BASE = 1_000_003;

    /** A folder and the secrets that must not appear in any file under it; {@code what} names them in a hit. */
    record Target(String name, Path folder, List<String> secrets, String what) {
    }

    /** Files and lines read, the hits (naming a secret by its place in its list only) and the folders missing. */
    record Result(List<String> summary, int files, long lines, List<String> hits, List<String> missing) {
    }

    /** The first and last timestamp found. */
    record Span(Instant first, Instant last, int count) {
    }

    private SecretScanner() {
    }

    static Result scan(List<Target> targets) throws IOException {
        List<String> summary = new ArrayList<>();
        List<String> hits = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int allFiles = 0;
        long allLines = 0;
        for (Target target : targets) {
            if (!Files.isDirectory(target.folder())) {
                missing.add(target.name() + ": " + target.folder());
                continue;
            }
            int files = 0;
            long lines = 0;
            long bytes = 0;
            for (Path file : files(target.folder())) {
                files++;
                BitSet found = new BitSet(target.secrets().size());
                // block by block of whole lines (no secret spans lines): a trace of the suite passes 2 GB
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                    StringBuilder block = new StringBuilder(BLOCK_CHARS + 4096);
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        lines++;
                        bytes += line.length() + 1;
                        block.append(line).append('\n');
                        if (block.length() >= BLOCK_CHARS) {
                            found.or(find(block.toString(), target.secrets()));
                            block.setLength(0);
                        }
                    }
                    found.or(find(block.toString(), target.secrets()));
                }
                for (int i = found.nextSetBit(0); i >= 0; i = found.nextSetBit(i + 1)) {
                    // the report must not leak the secret either
                    hits.add(file + " contains secret #" + (i + 1) + " of " + target.what());
                }
            }
            summary.add(String.format("%s: %d files, %d lines, %d KB, %d secrets (%s) [%s]", target.name(), files,
                    lines, bytes / 1024, target.secrets().size(), target.what(), target.folder()));
            allFiles += files;
            allLines += lines;
        }
        return new Result(summary, allFiles, allLines, hits, missing);
    }

    /**
     * Which secrets occur in the text, in one pass (Rabin-Karp over the length of the shortest secret): the trace of a
     * suite is hundreds of MB and the sandbox journals hundreds of tokens, too many for one {@code contains} each.
     */
    static BitSet find(String text, List<String> secrets) {
        BitSet found = new BitSet(secrets.size());
        int length = secrets.stream().mapToInt(String::length).min().orElse(0);
        if (length == 0 || text.length() < length) {
            return found;
        }
        Map<Long, List<Integer>> byHash = new HashMap<>();
        for (int i = 0; i < secrets.size(); i++) {
            byHash.computeIfAbsent(hash(secrets.get(i), length), key -> new ArrayList<>()).add(i);
        }
        long power = 1;
        for (int i = 1; i < length; i++) {
            power *= BASE;
        }
        long hash = hash(text, length);
        for (int at = 0;; at++) {
            List<Integer> candidates = byHash.get(hash);
            if (candidates != null) {
                for (int index : candidates) {
                    if (text.startsWith(secrets.get(index), at)) {
                        found.set(index);
                    }
                }
            }
            if (at + length >= text.length()) {
                return found;
            }
            hash = (hash - text.charAt(at) * power) * BASE + text.charAt(at + length);
        }
    }

    private static long hash(String text, int length) {
        long hash = 0;
        for (int i = 0; i < length; i++) {
            hash = hash * BASE + text.charAt(i);
        }
        return hash;
    }

    /** The span of every {@code trace*.log} in Liberty's logs folder, the current one and the rolled ones. */
    static Optional<Span> traceSpan(Path logs) throws IOException {
        return span(logs, "trace", null);
    }

    /** The span of the application starts ({@code CWWKZ0001I}) in every {@code messages*.log}. */
    static Optional<Span> appStarts(Path logs) throws IOException {
        return span(logs, "messages", APP_STARTED);
    }

    private static Optional<Span> span(Path logs, String prefix, String containing) throws IOException {
        Instant first = null;
        Instant last = null;
        int count = 0;
        for (Path file : files(logs)) {
            String name = file.getFileName().toString();
            if (!name.startsWith(prefix) || !name.endsWith(".log")) {
                continue;
            }
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    Matcher matcher = ISO_LINE.matcher(line);
                    if (!matcher.find() || containing != null && !line.contains(containing)) {
                        continue;
                    }
                    Instant at = OffsetDateTime.parse(matcher.group(1), ISO).toInstant();
                    first = first == null || at.isBefore(first) ? at : first;
                    last = last == null || at.isAfter(last) ? at : last;
                    count++;
                }
            }
        }
        return first == null ? Optional.empty() : Optional.of(new Span(first, last, count));
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
