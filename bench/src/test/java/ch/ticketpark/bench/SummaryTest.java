package ch.ticketpark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last line bench/run prints, and summary.md, from results as JMH, the storm and the retained heap write them. */
class SummaryTest {

    @TempDir
    Path results;

    @Test
    void theLastLineHasEveryFigureFromTheResults() throws Exception {
        Files.writeString(results.resolve("per-request-1t.json"), jmh(100, 700, 80, 25));
        Files.writeString(results.resolve("per-request-4t.json"), jmh(200, 1600, 800, 50));
        Files.writeString(results.resolve("storm.csv"), ExpiryStorm.CSV_HEADER + "\n"
                + "ours,1000,0,14,14,1.00,0,0.001,0.023,27.308,7.348,0.073\n"
                + "keycloak,1000,0,12,12,1.00,0,0.000,0.920,147.524,147.524,1.475\n");
        Files.writeString(results.resolve("memory.csv"), RetainedHeap.CSV_HEADER + "\n"
                + "token_machinery,200,52237,45880,461.3\n");
        Files.writeString(results.resolve("liberty.csv"), LibertyLoad.CSV_HEADER + "\n"
                + "library,48000,0,25.0,1920,7.80,21.50,0\n" + "static,50000,0,25.0,2000,7.50,20.90,0\n");
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Summary.main(new String[]{results.toString()});
        } finally {
            System.setOut(out);
        }

        String last = printed.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).isEqualTo("bench: ours_vs_baseline_1t=4.00 ours_vs_baseline_4t=4.00 spring_vs_ours=7.00 "
                + "keycloak_vs_ours_4t=4.00 ours_bytes_per_op=24.0 baseline_bytes_per_op=24.0 "
                + "storm_requests_per_expiry=1.00 storm_invalid_grant=0 storm_failed=0 storm_max_wait_vs_latency=0.073 "
                + "liberty_throughput_ratio=0.96");
        assertThat(Files.readString(results.resolve("summary.md"))).contains("| ours | 100 | 24.0 | 200 | 24.0 |")
                .contains("# Memory", "| token_machinery | 200 | 52237 | 45880 | 461.3 |")
                .contains("# Through Liberty", "| static | 50000 | 0 | 25.0 | 2000 | 7.50 | 20.90 | 0 |")
                .endsWith(last + "\n");
    }

    private static String jmh(double ours, double spring, double keycloak, double baseline) {
        return "[" + String.join(",", result("ours", ours), result("spring", spring), result("keycloak", keycloak),
                result("baseline", baseline)) + "]";
    }

    private static String result(String name, double nanos) {
        return "{\"benchmark\":\"ch.ticketpark.bench.PerRequestBenchmark." + name + "\",\"primaryMetric\":{\"score\":"
                + nanos + "},\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":24.0}}}";
    }
}
