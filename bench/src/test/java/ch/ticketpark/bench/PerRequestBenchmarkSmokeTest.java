package ch.ticketpark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmarks run, once and briefly, in every build, so that they cannot rot; their figures mean nothing here (bench/run
 * measures).
 */
class PerRequestBenchmarkSmokeTest {

    @Test
    void everyBenchmarkRunsAndScores() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(PerRequestBenchmark.class.getName())
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .threads(2)
                .build()).run();

        assertThat(results).extracting(result -> result.getParams().getBenchmark()
                .substring(PerRequestBenchmark.class.getName().length() + 1))
                .containsExactlyInAnyOrder("baseline", "keycloak", "ours", "spring");
        assertThat(results).allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
    }
}
