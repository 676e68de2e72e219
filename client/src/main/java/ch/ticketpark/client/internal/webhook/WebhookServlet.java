package ch.ticketpark.client.internal.webhook;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The webhook URL, {@code <context root><ticketpark.webhook.path>/<secret>}: answers a delivery at once (200), leaving
 * its processing to the {@link WebhookReceiver}'s workers. A wrong or missing secret gets a 404 with no body, whatever
 * the method, as if nothing listened there, and nothing is logged of it; a request with the secret and another method
 * than {@code POST} gets a 405. Registered only when webhooks are enabled ({@link WebhookInitializer}).
 */
public class WebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient WebhookReceiver receiver;

    public WebhookServlet() {
    }

    /** With the receiver that {@link #init()} would look up (tests). */
    WebhookServlet(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public void init() throws ServletException {
        receiver = CDI.current().select(WebhookReceiver.class).get();
        receiver.open(getServletContext().getContextPath());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // setStatus, never sendError: an error page or the container's log line could show the path, the secret
        WebhookReceiver.Answer answer;
        if (!receiver.authentic(request.getPathInfo())) {
            answer = receiver.notFound();
        } else if (!"POST".equals(request.getMethod())) {
            answer = receiver.methodNotAllowed();
        } else {
            answer = answer(request);
        }
        response.setStatus(answer.status());
        if (answer.status() == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
            response.setHeader("Allow", "POST");
        }
        if (answer.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", Integer.toString(answer.retryAfterSeconds()));
        }
    }

    private WebhookReceiver.Answer answer(HttpServletRequest request) {
        byte[] body;
        try {
            body = readAtMost(request, Delivery.MAX_BODY_BYTES);
        } catch (IOException e) {
            // the sender hung up or stalled: whatever is answered, no error page and no stack trace with the path
            return receiver.unreadable();
        }
        return body == null ? receiver.tooLarge() : receiver.accept(body);
    }

    /** @return the body; {@code null} if it is longer than {@code max} bytes */
    private static byte[] readAtMost(HttpServletRequest request, int max) throws IOException {
        if (request.getContentLengthLong() > max) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(max + 1);
            return body.length > max ? null : body;
        }
    }
}
