package docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the relative links of Markdown files that lead nowhere: a file or folder that does not exist, or a
 * {@code #anchor} that is no heading of the target. Links with a scheme ({@code https:}, {@code mailto:}) are not
 * followed; code blocks and code spans are not links. Anchors follow GitHub's rules: the heading's text, lower case,
 * without punctuation but {@code -} and {@code _}, spaces as {@code -}, and {@code -1}, {@code -2}, … for repeated
 * headings.
 */
final class MarkdownLinks {

    /** {@code [text](target)}, {@code ![alt](target)}, with an optional {@code <target>} and {@code "title"}. */
    private static final Pattern INLINE_LINK = Pattern
            .compile("\\[[^\\]]*\\]\\(\\s*(?:<([^>]*)>|([^)\\s]*))(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
    /** {@code [label]: target} at the start of a line. */
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}#{1,6}(?:\\s+(.*?))?(?:\\s+#+)?\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s[^>]*\\b(?:name|id)=\"([^\"]+)\"");
    private static final Pattern LINE_ANCHOR = Pattern.compile("L\\d+(?:-L\\d+)?");
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules");

    private MarkdownLinks() {
    }

    /** A link that leads nowhere, where it is and why. */
    record Broken(Path file, int line, String target, String problem) {

        @Override
        public String toString() {
            return file + ":" + line + ": (" + target + ") " + problem;
        }
    }

    /**
     * @return every Markdown file under {@code root}, outside build output ({@code target/}) and hidden folders but
     *         {@code .github}
     */
    static List<Path> markdownFiles(Path root) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(root)
                            && (name.startsWith(".") && !name.equals(".github") || SKIPPED_FOLDERS.contains(name));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()
                            && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }

    /**
     * @param root the repository: links starting with {@code /} and links that leave it are resolved against it
     * @param files the Markdown files to check
     * @return every link of {@code files} that leads nowhere
     */
    static List<Broken> check(Path root, List<Path> files) {
        Path top = root.toAbsolutePath().normalize();
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<Broken> broken = new ArrayList<>();
        for (Path file : files) {
            Path source = file.toAbsolutePath().normalize();
            for (Link link : links(read(source))) {
                String problem = problem(top, source, link.target(), anchors);
                if (problem != null) {
                    broken.add(new Broken(top.relativize(source), link.line(), link.target(), problem));
                }
            }
        }
        return broken;
    }

    private static String problem(Path top, Path source, String target, Map<Path, Set<String>> anchors) {
        if (SCHEME.matcher(target).find()) {
            return null;
        }
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = source;
        if (!pathPart.isEmpty()) {
            String decoded = decode(pathPart);
            if (decoded == null) {
                return "is not a valid path";
            }
            resolved = (decoded.startsWith("/")
                    ? top.resolve(decoded.substring(1))
                    : source.getParent().resolve(decoded)).normalize();
            if (!resolved.startsWith(top)) {
                return "leads out of the repository";
            }
            if (!Files.exists(resolved)) {
                return "names no file: " + top.relativize(resolved);
            }
        }
        if (anchor == null) {
            return null;
        }
        if (Files.isDirectory(resolved)) {
            return "has an anchor on a folder";
        }
        if (!resolved.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
            return LINE_ANCHOR.matcher(anchor).matches() ? null : "has an anchor that is no line of a file (#L12)";
        }
        Set<String> known = anchors.computeIfAbsent(resolved, path -> anchors(read(path)));
        String decoded = decode(anchor);
        return decoded != null && known.contains(decoded)
                ? null
                : "names no heading of " + top.relativize(resolved) + ": #" + anchor;
    }

    /** @return the percent-decoded value, or {@code null} if it is not valid */
    private static String decode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A link target and the line it starts on (1-based). */
    record Link(int line, String target) {
    }

    /**
     * @return the link targets of a Markdown file, in order; none in fenced code blocks or code spans
     */
    static List<Link> links(List<String> lines) {
        StringBuilder text = new StringBuilder();
        boolean[] code = fencedLines(lines);
        for (int i = 0; i < lines.size(); i++) {
            String line = code[i] ? "" : lines.get(i);
            if (!code[i]) {
                Matcher definition = REFERENCE_DEFINITION.matcher(line);
                if (definition.find()) {
                    // handled below as a link of its own line: blank it here
                    line = " ".repeat(line.length());
                }
                line = CODE_SPAN.matcher(line).replaceAll(match -> " ".repeat(match.group().length()));
            }
            text.append(line).append('\n');
        }
        List<Link> links = new ArrayList<>();
        Matcher inline = INLINE_LINK.matcher(text);
        while (inline.find()) {
            String target = inline.group(1) != null ? inline.group(1) : inline.group(2);
            int line = 1 + (int) text.substring(0, inline.start()).chars().filter(c -> c == '\n').count();
            links.add(new Link(line, target.strip()));
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher definition = REFERENCE_DEFINITION.matcher(lines.get(i));
            if (!code[i] && definition.find()) {
                links.add(new Link(i + 1, definition.group(1)));
            }
        }
        return links;
    }

    /** @return for each line, whether it belongs to a fenced code block (the fences included) */
    private static boolean[] fencedLines(List<String> lines) {
        boolean[] code = new boolean[lines.size()];
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = FENCE.matcher(lines.get(i));
            if (fence == null) {
                if (marker.find()) {
                    fence = marker.group(1);
                    code[i] = true;
                }
                continue;
            }
            code[i] = true;
            if (marker.find() && marker.group(1).charAt(0) == fence.charAt(0)
                    && marker.group(1).length() >= fence.length() && lines.get(i).strip().equals(marker.group(1))) {
                fence = null;
            }
        }
        return code;
    }

    /**
     * @return the anchors GitHub gives the headings (and {@code <a name>}/{@code id}) of a Markdown file
     */
    static Set<String> anchors(List<String> lines) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean[] code = fencedLines(lines);
        for (int i = 0; i < lines.size(); i++) {
            if (code[i]) {
                continue;
            }
            Matcher html = HTML_ANCHOR.matcher(lines.get(i));
            while (html.find()) {
                anchors.add(html.group(1));
            }
            Matcher heading = ATX_HEADING.matcher(lines.get(i));
            if (heading.matches()) {
                String slug = slug(heading.group(1) == null ? "" : heading.group(1));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return anchors;
    }

    /**
     * GitHub's anchor of a heading: its text as rendered (code spans as their content, links as their text, no
     * emphasis markers), lower case, without punctuation but {@code -} and {@code _}, each space a {@code -}.
     */
    static String slug(String heading) {
        String text = CODE_SPAN.matcher(heading).replaceAll(match -> Matcher.quoteReplacement(match.group(2).strip()));
        text = text.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("*", "");
        StringBuilder slug = new StringBuilder();
        text.strip().toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (c == ' ') {
                slug.append('-');
            } else if (c == '-' || c == '_' || Character.isLetterOrDigit(c)
                    || Character.getType(c) == Character.NON_SPACING_MARK) {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
