package ch.ticketpark.client.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.SubmissionPublisher;

import jakarta.ws.rs.core.EntityPart;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.api.EventsClient;
import ch.ticketpark.client.model.Event;
import ch.ticketpark.client.support.Stubs;

class ReplaySafetyTest {

    @Test
    void decidesWhichCallsCanBeReplayed() throws Exception {
        assertThat(ReplaySafety.isSafe(EventsClient.class.getMethod("httpList", Query.class), new Object[]{null}))
                .isTrue();
        assertThat(ReplaySafety.isSafe(EventsClient.class.getMethod("httpPostAll", List.class),
                new Object[]{List.of(Event.of("h", "n", "CHF"))})).isTrue();
        assertThat(ReplaySafety.isSafe(Streaming.class.getMethod("upload", InputStream.class),
                new Object[]{InputStream.nullInputStream()})).isFalse();
        assertThat(ReplaySafety.isSafe(Streaming.class.getMethod("later"), new Object[0])).isFalse();
    }

    @Test
    void aBodyThatCanBeReadOnlyOnceIsNotReplayed() throws Exception {
        EntityPart part = Stubs.of(EntityPart.class, Map.of());

        assertThat(ReplaySafety.isSafe(Streaming.class.getMethod("read", Reader.class),
                new Object[]{new StringReader("x")})).isFalse();
        try (SubmissionPublisher<String> publisher = new SubmissionPublisher<>()) {
            assertThat(ReplaySafety.isSafe(Streaming.class.getMethod("publish", Flow.Publisher.class),
                    new Object[]{publisher})).isFalse();
        }
        assertThat(ReplaySafety.isSafe(Streaming.class.getMethod("part", EntityPart.class), new Object[]{part}))
                .isFalse();
        assertThat(ReplaySafety.isSafe(Streaming.class.getMethod("parts", List.class),
                new Object[]{List.of("text", part)})).isFalse();
        assertThat(ReplaySafety.isSafe(Streaming.class.getMethod("parts", List.class), new Object[]{List.of("text")}))
                .isTrue();
    }

    @Test
    void anAsynchronousCallIsNotReplayedAndACallWithoutArgumentsIs() throws Exception {
        assertThat(ReplaySafety.isSafe(Streaming.class.getMethod("eventually"), null)).isFalse();
        assertThat(ReplaySafety.isSafe(EventsClient.class.getMethod("httpDelete", String.class), null)).isTrue();
    }

    /** Methods a client interface may have. */
    interface Streaming {

        void upload(InputStream body);

        void read(Reader body);

        void publish(Flow.Publisher<String> body);

        void part(EntityPart body);

        void parts(List<Object> body);

        CompletionStage<String> later();

        Future<String> eventually();
    }
}
