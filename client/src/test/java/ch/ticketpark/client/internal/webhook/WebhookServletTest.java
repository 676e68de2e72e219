package ch.ticketpark.client.internal.webhook;

import static ch.ticketpark.client.internal.webhook.WebhookReceiverTest.NEW_BOOKING;
import static ch.ticketpark.client.internal.webhook.WebhookReceiverTest.body;
import static ch.ticketpark.client.support.Fixtures.WEBHOOK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.support.Fixtures;
import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.webhook.NewBooking;

class WebhookServletTest {

    private static final String SECRET_PATH = "/" + WEBHOOK_SECRET;

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private final FakeRecords records = new FakeRecords();
    private final RecordingEvents events = new RecordingEvents();
    private final ManualExecutor executor = new ManualExecutor();
    private final WebhookReceiver receiver = new WebhookReceiver(null, records, events);
    private final WebhookServlet servlet = new WebhookServlet(receiver);

    private FakeServlets.Response post(String pathInfo, String method, long contentLength, byte[] body)
            throws IOException {
        FakeServlets.Response response = new FakeServlets.Response();
        servlet.service(FakeServlets.request(method, pathInfo, contentLength, body), response.response);
        return response;
    }

    private void open(Map<String, String> overrides) {
        receiver.open("/shop", WebhookReceiverTest.config(overrides), executor);
    }

    @AfterEach
    void noSecretInTheLog() {
        log.records().forEach(record -> assertThat(LogCapture.formatted(record)).doesNotContain(Fixtures.SECRETS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "GET", "PUT"})
    void aWrongSecretGetsA404AndNothingElse(String method) throws IOException {
        open(Map.of());
        log.records().clear();

        for (String pathInfo : Arrays.asList(null, "", "/", "/wrong-secret-of-the-app", SECRET_PATH + "x")) {
            FakeServlets.Response response = post(pathInfo, method, 10, body(NEW_BOOKING));
            assertThat(response.calls).as(pathInfo).containsExactly("setStatus[404]");
        }

        assertThat(log.records()).isEmpty();
        executor.runAll();
        assertThat(events.fired).isEmpty();
    }

    @Test
    void theRightSecretWithAnotherMethodGetsA405AllowingPost() throws IOException {
        open(Map.of());

        assertThat(post(SECRET_PATH, "GET", -1, new byte[0]).calls).containsExactly("setStatus[405]",
                "setHeader[Allow, POST]");
        assertThat(post(SECRET_PATH, "post", -1, body(NEW_BOOKING)).calls).containsExactly("setStatus[405]",
                "setHeader[Allow, POST]");
        executor.runAll();
        assertThat(events.fired).isEmpty();
    }

    @Test
    void aValidDeliveryGetsA200AndIsProcessed() throws IOException {
        open(Map.of());

        assertThat(post(SECRET_PATH, "POST", NEW_BOOKING.length(), body(NEW_BOOKING)).calls)
                .containsExactly("setStatus[200]");
        executor.runAll();
        assertThat(events.fired).containsExactly(new NewBooking(FakeRecords.apiBooking("b-1")));
    }

    @Test
    void aBodyWithoutContentLengthIsReadToo() throws IOException {
        open(Map.of());

        assertThat(post(SECRET_PATH, "POST", -1, body(NEW_BOOKING)).calls).containsExactly("setStatus[200]");
    }

    @Test
    void aBadBodyGetsA400() throws IOException {
        open(Map.of());

        assertThat(post(SECRET_PATH, "POST", -1, body("{}")).calls).containsExactly("setStatus[400]");
    }

    @Test
    void aBodyOf64KibIsRead() throws IOException {
        open(Map.of());
        byte[] body = padded(Delivery.MAX_BODY_BYTES);

        assertThat(post(SECRET_PATH, "POST", body.length, body).calls).containsExactly("setStatus[200]");
        assertThat(post(SECRET_PATH, "POST", -1, padded(Delivery.MAX_BODY_BYTES)).calls)
                .containsExactly("setStatus[200]");
    }

    @Test
    void aLargerBodyGetsA413ByItsContentLength() throws IOException {
        open(Map.of());

        assertThat(post(SECRET_PATH, "POST", Delivery.MAX_BODY_BYTES + 1, body(NEW_BOOKING)).calls)
                .containsExactly("setStatus[413]");
        executor.runAll();
        assertThat(events.fired).isEmpty();
    }

    @Test
    void aLargerBodyGetsA413ByItsLengthWithoutContentLength() throws IOException {
        open(Map.of());

        assertThat(post(SECRET_PATH, "POST", -1, padded(Delivery.MAX_BODY_BYTES + 1)).calls)
                .containsExactly("setStatus[413]");
        assertThat(log.withCode("TPC0407")).hasSize(1);
    }

    @Test
    void aFullQueueGetsA503WithRetryAfter() throws IOException {
        open(Map.of(TicketparkConfig.WEBHOOK_QUEUE_SIZE, "1"));
        post(SECRET_PATH, "POST", -1, body(NEW_BOOKING));

        assertThat(post(SECRET_PATH, "POST", -1,
                body("{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":\"b-2\"}}")).calls)
                .containsExactly("setStatus[503]", "setHeader[Retry-After, 5]");
    }

    /** A valid webhook of exactly {@code length} bytes. */
    private static byte[] padded(int length) {
        String start = "{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":\"b-1\",\"pad\":\"";
        String end = "\"}}";
        return body(start + "x".repeat(length - start.length() - end.length()) + end);
    }
}
