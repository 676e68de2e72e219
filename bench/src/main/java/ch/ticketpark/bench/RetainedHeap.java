package ch.ticketpark.bench;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The heap one application's use of the library retains, part by part: (a) the token machinery (the token manager
 * with its configuration, chain, breaker, history, file store, threads and event dispatcher, and a
 * {@code BearerTokenFilter}) holding one valid token from the {@link LoopbackTokenEndpoint}; of it, the token
 * endpoint's own JAX-RS client, which is RESTEasy's; (b) the sixteen typed clients as the library's wiring builds
 * them, and the same interfaces built by RESTEasy alone.
 * <p>
 * Measured two ways, on the same applications. Heap: N applications are kept reachable, the heap in use is read
 * after full collections before and after a part is built in each, and the difference is divided by N; what all
 * share (classes, statics, caches filled by a first use) is paid before, by a warm-up application. It counts all a
 * part costs the heap, also what reaches it only from a thread's stack or a static table, but it is a difference of
 * two large figures. Graph: the objects strongly reachable from the part ({@link ObjectGraph}, sizes from JOL), in k
 * applications less in one, divided by k − 1, so that what the applications share is not counted, nor what the part
 * reaches of parts measured before (the token manager the clients' filters hold). Exact and repeatable, it explains
 * the heap figure class by class. The token endpoint each part's requests go to is its own and closed before the heap
 * is read: what it keeps of its connections is not the applications'.
 */
public final class RetainedHeap {

    /**
     * How many applications: {@link #MEASURED} for bench/run, a few for the build's smoke test. The typed clients
     * weigh ten times the token machinery, so fewer of them give as sure a heap figure; the graph figure is exact with
     * two and needs only a few.
     */
    record Shape(int applications, int clientApplications, int graphApplications) {
    }

    static final Shape MEASURED = new Shape(200, 50, 5);

    /** One part's figures, each per application. */
    record Part(String part, int applications, double heapBytes, double graphBytes, double graphObjects) {

        String csv() {
            return String.format(Locale.ROOT, "%s,%d,%.0f,%.0f,%.1f", part, applications, heapBytes, graphBytes,
                    graphObjects);
        }
    }

    static final String CSV_HEADER = "part,applications,heap_bytes,graph_bytes,graph_objects";

    private static final int COLLECTIONS = 4;

    private RetainedHeap() {
    }

    /** Measures with the measured shape and writes {@code memory.csv} into the given directory. */
    public static void main(String[] arguments) throws Exception {
        long start = System.nanoTime();
        List<String> lines = new ArrayList<>(List.of(CSV_HEADER));
        run(MEASURED, true).forEach(part -> lines.add(part.csv()));
        Files.write(Path.of(arguments[0]).resolve("memory.csv"), lines);
        lines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** @param verbose whether to print each part's largest classes */
    static List<Part> run(Shape shape, boolean verbose) throws Exception {
        Path stores = Files.createTempDirectory("ticketpark-bench-stores");
        List<LibraryUse> uses = new ArrayList<>();
        try {
            // the first use of each part loads classes and fills the caches every later application shares
            try (LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint(Duration.ofHours(1), Duration.ZERO);
                    LibraryUse first = new LibraryUse(stores.resolve("warm-up"))) {
                first.startTokens(endpoint.baseUrl());
                first.openEndpointClient(endpoint.baseUrl());
                first.buildClients(true);
                first.closeClients();
                first.buildClients(false);
            }
            for (int i = 0; i < shape.applications(); i++) {
                uses.add(new LibraryUse(stores.resolve("application-" + i)));
            }
            List<LibraryUse> withClients = uses.subList(0, Math.min(shape.clientApplications(), uses.size()));
            Measure measure = new Measure(shape.graphApplications(), verbose);
            List<Part> parts = new ArrayList<>();
            parts.add(measure.part("token_machinery", uses, LibraryUse::startTokens, LibraryUse::tokenParts,
                    use -> new Object[0]));
            parts.add(measure.part("token_endpoint_client", uses, LibraryUse::openEndpointClient,
                    use -> new Object[]{use.endpointClient()}, LibraryUse::tokenParts));
            uses.forEach(LibraryUse::closeEndpointClient);
            parts.add(measure.part("typed_clients", withClients, (use, api) -> use.buildClients(true),
                    use -> use.clients().toArray(), LibraryUse::tokenParts));
            for (LibraryUse use : withClients) {
                use.closeClients();
            }
            parts.add(measure.part("typed_clients_resteasy_alone", withClients, (use, api) -> use.buildClients(false),
                    use -> use.clients().toArray(), LibraryUse::tokenParts));
            return parts;
        } finally {
            for (LibraryUse use : uses) {
                use.close();
            }
            try (Stream<Path> files = Files.walk(stores)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Builds one part in each application and measures it both ways. */
    private record Measure(int graphApplications, boolean verbose) {

        /**
         * @param roots the part in one application
         * @param base what of the application the part reaches and was measured before
         */
        Part part(String name, List<LibraryUse> uses, Step build, Function<LibraryUse, Object[]> roots,
                Function<LibraryUse, Object[]> base) throws Exception {
            long before = usedAfterCollections();
            int threads = Thread.activeCount();
            try (LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint(Duration.ofHours(1), Duration.ZERO)) {
                for (LibraryUse use : uses) {
                    build.apply(use, endpoint.baseUrl());
                }
            }
            long after = usedAfterCollections();
            threads = Thread.activeCount() - threads;
            Reference.reachabilityFence(uses);
            int k = Math.min(graphApplications, uses.size());
            Map<String, long[]> one = footprint(uses.subList(0, 1), roots, base);
            Map<String, long[]> each = footprint(uses.subList(0, k), roots, base);
            one.forEach((type, figures) -> each.merge(type, figures,
                    (many, first) -> new long[]{many[0] - first[0], many[1] - first[1]}));
            double objects = each.values().stream().mapToLong(figures -> figures[0]).sum() / (k - 1.0);
            double bytes = each.values().stream().mapToLong(figures -> figures[1]).sum() / (k - 1.0);
            if (verbose) {
                System.out.printf(Locale.ROOT, "%s: %.1f threads more per application; its largest classes, per "
                        + "application (bytes, objects):%n", name, threads / (double) uses.size());
                each.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(10)
                        .forEach(entry -> System.out.printf(Locale.ROOT, "  %8.0f %6.1f  %s%n",
                                entry.getValue()[1] / (k - 1.0), entry.getValue()[0] / (k - 1.0), entry.getKey()));
            }
            return new Part(name, uses.size(), (after - before) / (double) uses.size(), bytes, objects);
        }

        /** By class name: objects and bytes reachable from the roots of these applications but not from their base. */
        private static Map<String, long[]> footprint(List<LibraryUse> uses, Function<LibraryUse, Object[]> roots,
                Function<LibraryUse, Object[]> base) {
            return ObjectGraph.byClass(uses.stream().flatMap(use -> Stream.of(roots.apply(use))).toArray(),
                    uses.stream().flatMap(use -> Stream.of(base.apply(use))).toArray());
        }
    }

    /** The heap in use after a few full collections (the last ones find nothing more to free). */
    static long usedAfterCollections() throws InterruptedException {
        long used = 0;
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
            Thread.sleep(20);
            used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        return used;
    }

    /** A part's construction in one application. */
    @FunctionalInterface
    private interface Step {

        void apply(LibraryUse use, String apiUrl) throws Exception;
    }
}
