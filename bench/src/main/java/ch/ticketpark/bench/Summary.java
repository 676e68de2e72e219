package ch.ticketpark.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Reads the results bench/run wrote (JMH's JSON, the storm's, the retained heap's and the Liberty run's CSV), writes
 * {@code summary.md} next to them and prints the figures as the last line: {@code bench: key=value ...}, time ratios
 * as "how many times the first's ns/op", the throughput ratio as "this library's requests per second ÷ the static
 * header's".
 */
public final class Summary {

    private static final String MEMORY_PARTS = "token_machinery is the token manager with its threads and store and "
            + "a filter, one token held; token_endpoint_client the JAX-RS client (RESTEasy's) it holds for the token "
            + "endpoint; typed_clients the 16 typed clients, of which typed_clients_resteasy_alone is what RESTEasy "
            + "alone retains for the same interfaces. heap: heap-used difference after full collections over N "
            + "applications; graph: the objects reachable from the part (JOL), less what the applications share";

    private Summary() {
    }

    public static void main(String[] arguments) throws IOException {
        Path results = Path.of(arguments[0]);
        Map<String, Score> oneThread = scores(results.resolve("per-request-1t.json"));
        Map<String, Score> fourThreads = scores(results.resolve("per-request-4t.json"));

        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("ours_vs_baseline_1t", ratio(oneThread, "ours", "baseline"));
        figures.put("ours_vs_baseline_4t", ratio(fourThreads, "ours", "baseline"));
        figures.put("spring_vs_ours", ratio(oneThread, "spring", "ours"));
        figures.put("keycloak_vs_ours_4t", ratio(fourThreads, "keycloak", "ours"));
        figures.put("ours_bytes_per_op", number(oneThread.get("ours").bytesPerOp()));
        figures.put("baseline_bytes_per_op", number(oneThread.get("baseline").bytesPerOp()));
        List<String> storm = Files.readAllLines(results.resolve("storm.csv"));
        Map<String, String> ours = row(storm, "ours");
        figures.put("storm_requests_per_expiry", ours.get("requests_per_expiry"));
        figures.put("storm_invalid_grant", ours.get("invalid_grant"));
        figures.put("storm_failed", ours.get("failed"));
        figures.put("storm_max_wait_vs_latency", ours.get("max_wait_vs_latency"));
        List<String> liberty = Files.readAllLines(results.resolve("liberty.csv"));
        figures.put("liberty_throughput_ratio",
                String.format(Locale.ROOT, "%.2f", Double.parseDouble(row(liberty, "library").get("throughput_rps"))
                        / Double.parseDouble(row(liberty, "static").get("throughput_rps"))));

        StringBuilder table = new StringBuilder(
                "| contender | ns/op, 1 thread | B/op, 1 thread | ns/op, 4 threads | B/op, "
                        + "4 threads |\n|---|---|---|---|---|\n");
        for (String contender : new String[]{"ours", "keycloak", "spring", "baseline"}) {
            Score one = oneThread.get(contender);
            Score four = fourThreads.get(contender);
            table.append("| ").append(contender).append(" | ").append(number(one.nanosPerOp())).append(" | ")
                    .append(number(one.bytesPerOp())).append(" | ").append(number(four.nanosPerOp())).append(" | ")
                    .append(number(four.bytesPerOp())).append(" |\n");
        }
        StringBuilder line = new StringBuilder("bench:");
        figures.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        String stormTable = markdown(storm);
        String memoryTable = markdown(Files.readAllLines(results.resolve("memory.csv")));
        String libertyTable = markdown(liberty);
        Files.writeString(results.resolve("summary.md"), "# Per-request cost\n\n" + table + "\n# Expiry storm\n\n"
                + stormTable + "\n# Memory\n\nRetained heap per application, in bytes: " + MEMORY_PARTS + "\n\n"
                + memoryTable + "\n# Through Liberty\n\n" + libertyTable + "\n" + line + "\n");
        System.out.println(table);
        System.out.println(stormTable);
        System.out.println(memoryTable);
        System.out.println(libertyTable);
        System.out.println(line);
    }

    private record Score(double nanosPerOp, double bytesPerOp) {
    }

    /** A CSV file as a Markdown table, its first line the header. */
    private static String markdown(List<String> csv) {
        StringBuilder table = new StringBuilder("| " + csv.get(0).replace(",", " | ") + " |\n|"
                + "---|".repeat(csv.get(0).split(",").length) + "\n");
        csv.stream().skip(1).forEach(row -> table.append("| ").append(row.replace(",", " | ")).append(" |\n"));
        return table.toString();
    }

    /** By benchmark method name: the primary score and the allocation per operation ({@code -prof gc}). */
    private static Map<String, Score> scores(Path json) throws IOException {
        Map<String, Score> scores = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(json)) {
            for (JsonValue value : Json.createReader(reader).readArray()) {
                JsonObject result = value.asJsonObject();
                String benchmark = result.getString("benchmark");
                JsonObject secondary = result.getJsonObject("secondaryMetrics");
                double bytes = secondary.keySet().stream().filter(key -> key.endsWith("gc.alloc.rate.norm"))
                        .mapToDouble(key -> secondary.getJsonObject(key).getJsonNumber("score").doubleValue())
                        .findFirst().orElse(Double.NaN);
                scores.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), new Score(
                        result.getJsonObject("primaryMetric").getJsonNumber("score").doubleValue(), bytes));
            }
        }
        return scores;
    }

    /** The row of a CSV file whose first column is the given contender, by column name. */
    private static Map<String, String> row(List<String> csv, String contender) {
        String[] names = csv.get(0).split(",");
        String[] values = csv.stream().skip(1).filter(line -> line.startsWith(contender + ",")).findFirst()
                .orElseThrow().split(",");
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            row.put(names[i], values[i]);
        }
        return row;
    }

    private static String ratio(Map<String, Score> scores, String first, String second) {
        return String.format(Locale.ROOT, "%.2f", scores.get(first).nanosPerOp() / scores.get(second).nanosPerOp());
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }
}
