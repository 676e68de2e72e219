package ch.ticketpark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The retained-heap harness runs, briefly, in every build: each part is built in three applications and measured both
 * ways. Its figures mean nothing here (bench/run measures, and the heap figure of three applications is noise); only
 * what holds on any machine is asserted: the object graph finds each part, the token machinery holds more than its
 * endpoint's client, and the typed clients with the library's providers more than RESTEasy's alone.
 */
class RetainedHeapSmokeTest {

    @Test
    void everyPartIsMeasuredInAFewApplications() throws Exception {
        List<RetainedHeap.Part> parts = RetainedHeap.run(new RetainedHeap.Shape(3, 3, 2), false);

        assertThat(parts).extracting(RetainedHeap.Part::part).containsExactly("token_machinery",
                "token_endpoint_client", "typed_clients", "typed_clients_resteasy_alone");
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.graphBytes()).isPositive();
            assertThat(part.graphObjects()).isPositive();
            assertThat(part.csv()).matches(part.part() + ",3,-?\\d+,\\d+,\\d+\\.\\d");
            assertThat(part.csv().split(",")).hasSameSizeAs(RetainedHeap.CSV_HEADER.split(","));
        });
        assertThat(parts.get(0).graphBytes()).isGreaterThan(parts.get(1).graphBytes());
        assertThat(parts.get(2).graphBytes()).isGreaterThan(parts.get(3).graphBytes());
    }
}
