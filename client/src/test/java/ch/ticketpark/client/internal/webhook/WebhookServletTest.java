package ch.ticketpark.client.internal.webhook;

import static ch.ticketpark.client.internal.webhook.WebhookReceiverTest.NEW_BOOKING;
import static ch.ticketpark.client.internal.webhook.WebhookReceiverTest.body;
import static ch.ticketpark.client.support.Fixtures.WEBHOOK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

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
    private final RecordingWebhookObserver observer = new RecordingWebhookObserver();
    private final WebhookReceiver receiver = new WebhookReceiver(null, records, events, null);
    private final WebhookServlet servlet = new WebhookServlet(receiver);

    private FakeServlets.Response post(String pathInfo, String method, long contentLength, byte[] body)
            throws IOException {
        FakeServlets.Response response = new FakeServlets.Response();
        servlet.service(FakeServlets.request(method, pathInfo, contentLength, body), response.response);
        return response;
    }

    private void open(Map<String, String> overrides) {
        receiver.open("/shop", WebhookReceiverTest.config(overrides), executor, executor, observer);
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

    /** What the metrics count: every request, by answer and status, and each event fired, by type. */
    @Test
    void everyAnswerAndEveryEventIsToldToTheObserver() throws IOException {
        open(Map.of(TicketparkConfig.WEBHOOK_QUEUE_SIZE, "1"));

        post("/wrong-secret", "POST", -1, body(NEW_BOOKING));
        post(SECRET_PATH, "GET", -1, new byte[0]);
        post(SECRET_PATH, "POST", -1, body("{}"));
        post(SECRET_PATH, "POST", Delivery.MAX_BODY_BYTES + 1, body(NEW_BOOKING));
        post(SECRET_PATH, "POST", -1, body(NEW_BOOKING));
        post(SECRET_PATH, "POST", -1, body(NEW_BOOKING));
        post(SECRET_PATH, "POST", -1, body("{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":\"b-2\"}}"));
        executor.runAll();
        post(SECRET_PATH, "POST", -1, body("{\"type\":\"seat-moved\",\"payload\":{\"seat\":\"A1\"}}"));
        executor.runAll();

        assertThat(observer.heard).containsExactly("answered not_found 404", "answered invalid 405",
                "answered invalid 400", "answered invalid 413", "answered accepted 200", "answered duplicate 200",
                "answered refused 503", "fired new-booking", "answered accepted 200", "fired unknown");
    }

    /**
     * The sender hangs up or stalls while its body is read (Liberty throws an IOException after its read timeout):
     * the exception leaves {@code service}, and the container answers with its error page and logs it, which the
     * receiver promises never to let happen ("a status only, never the container's error page").
     */
    @Test
    void aBodyThatCannotBeReadIsAnsweredWithAStatusOnly() {
        open(Map.of());
        Map<String, Object> answers = new HashMap<>();
        answers.put("getMethod", "POST");
        answers.put("getPathInfo", SECRET_PATH);
        answers.put("getContentLengthLong", (long) NEW_BOOKING.length());
        answers.put("getInputStream", new ServletInputStream() {

            @Override
            public int read() throws IOException {
                throw new IOException("Connection reset by peer");
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        });
        HttpServletRequest request = FakeServlets.fake(
                HttpServletRequest.class, answers, new ArrayList<>());
        FakeServlets.Response response = new FakeServlets.Response();

        Throwable thrown = catchThrowable(() -> servlet.service(request, response.response));

        assertThat(thrown).as("left to the container's error handling").isNull();
        assertThat(response.calls).singleElement().asString().startsWith("setStatus[4");
        assertThat(observer.heard).containsExactly("answered invalid 400");
    }

    /** A valid webhook of exactly {@code length} bytes. */
    private static byte[] padded(int length) {
        String start = "{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":\"b-1\",\"pad\":\"";
        String end = "\"}}";
        return body(start + "x".repeat(length - start.length() - end.length()) + end);
    }
}
