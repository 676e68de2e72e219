package ch.ticketpark.client.internal.otel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;

/** What an in-memory reader collects, in a form the tests compare. */
final class Metrics {

    private Metrics() {
    }

    /** The metrics with points, by name. */
    static Map<String, MetricData> collect(InMemoryMetricReader reader) {
        return reader.collectAllMetrics().stream().filter(metric -> !metric.isEmpty())
                .collect(Collectors.toMap(MetricData::getName, metric -> metric));
    }

    /** The points of a counter, by their attributes as "key=value,..." in key order. */
    static Map<String, Long> points(MetricData counter) {
        assertThat(counter.getInstrumentationScopeInfo().getName()).isEqualTo("ch.ticketpark.client");
        return counter.getLongSumData().getPoints().stream()
                .collect(Collectors.toMap(point -> attributes(point.getAttributes()), LongPointData::getValue));
    }

    private static String attributes(Attributes attributes) {
        return attributes.asMap().entrySet().stream().map(entry -> entry.getKey().getKey() + "=" + entry.getValue())
                .sorted().collect(Collectors.joining(","));
    }
}
