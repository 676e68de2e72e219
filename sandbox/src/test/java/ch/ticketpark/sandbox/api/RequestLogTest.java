package ch.ticketpark.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ch.ticketpark.sandbox.oauth.BearerCheck;

class RequestLogTest {

    @Test
    void emptyLogHasNoLastRequest() {
        assertThat(new RequestLog().last()).isEmpty();
    }

    @Test
    void lastIsTheMostRecentRequest() {
        RequestLog log = new RequestLog();
        log.record(request("/events/"));
        log.record(request("/events/a1b2c3d4e5f60718"));

        assertThat(log.last()).map(RecordedRequest::path).contains("/events/a1b2c3d4e5f60718");
    }

    @Test
    void keepsOnlyTheMostRecentRequestsUpToItsCapacity() {
        RequestLog log = new RequestLog(3);
        for (int i = 1; i <= 5; i++) {
            log.record(request("/events/" + i));
        }

        assertThat(log.all()).extracting(RecordedRequest::path).containsExactly("/events/3", "/events/4",
                "/events/5");
    }

    @Test
    void clearForgetsEverything() {
        RequestLog log = new RequestLog(3);
        log.record(request("/events/"));

        log.clear();

        assertThat(log.last()).isEmpty();
        assertThat(log.all()).isEmpty();
    }

    @Test
    void capacityHoldsUnderConcurrentRecording() throws Exception {
        RequestLog log = new RequestLog(50);
        ExecutorService executor = Executors.newFixedThreadPool(16);
        List<Future<?>> recordings = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String path = "/events/" + i;
            recordings.add(executor.submit(() -> log.record(request(path))));
        }
        executor.shutdown();
        assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (Future<?> recording : recordings) {
            recording.get(); // an exception in a recording fails the test instead of vanishing in the pool
        }

        assertThat(log.all()).hasSize(50);
    }

    @Test
    void recordedRequestDefaultsQueryToEmptyAndCopiesHeaders() {
        RecordedRequest request = new RecordedRequest("GET", "/events/", null,
                Map.of("accept", List.of("application/json")), BearerCheck.MISSING);

        assertThat(request.query()).isEmpty();
        assertThat(request.headers()).containsEntry("accept", List.of("application/json"));
    }

    private static RecordedRequest request(String path) {
        return new RecordedRequest("GET", path, "", Map.of(), BearerCheck.VALID);
    }
}
